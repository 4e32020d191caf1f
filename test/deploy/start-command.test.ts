/**
 * `npm start` and the container start the app with the same command, and the flags in it are
 * ones Node accepts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appNodeFlags, startCommand } from '../helpers/start-command.js';

const ROOT = join(import.meta.dirname, '../..');

/** The exec form of the Dockerfile's last CMD: `CMD ["node", …]`. */
const dockerCmd = (): string[] => {
  const cmds = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('CMD '));
  return JSON.parse(cmds.at(-1)!.slice('CMD '.length)) as string[];
};

describe('the start command', () => {
  it('is the same in the Dockerfile as in npm start', () => {
    expect(dockerCmd()).toEqual(startCommand());
  });

  it('runs the app with a young generation of 2 MB semi-spaces', () => {
    expect(appNodeFlags()).toEqual(['--max-semi-space-size=2']);
  });

  it('passes Node flags that Node accepts', () => {
    const run = spawnSync(process.execPath, [...appNodeFlags(), '-e', ''], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
