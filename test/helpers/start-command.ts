/**
 * How the app is started: `npm start`'s command in package.json, the one place that says which
 * flags Node runs the app with (the Dockerfile's CMD is checked against it). Tests and benchmarks
 * that run `dist/main.js` as a process start it the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** `npm start`'s words: `node`, its flags, then the entry point. */
export const startCommand = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((word) => word !== '');
};

/** The flags Node runs the app with: `npm start`'s words between `node` and `dist/main.js`. */
export const appNodeFlags = (): string[] => {
  const words = startCommand();
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js') {
    throw new Error(`npm start is not "node [flags] dist/main.js": ${words.join(' ')}`);
  }
  return words.slice(1, -1);
};
