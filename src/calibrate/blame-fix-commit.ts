import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toLineRanges } from './list-blame-targets.js';
import { readBlamePorcelain } from './read-blame-porcelain.js';
import { runGit } from './run-git.js';
import type { FixCommit } from './types.js';

export interface BlameFixCommitOptions {
  readonly gitDir: string;
  readonly fix: FixCommit;
  /** Unix seconds: blame looks no further back (older lines are boundary lines, left out). */
  readonly since: number;
  /** Where results are kept between runs; null keeps nothing. */
  readonly cacheDir: string | null;
}

const cacheFile = (options: BlameFixCommitOptions): string | null => {
  if (options.cacheDir === null) return null;
  const key = createHash('sha1')
    .update(JSON.stringify([options.fix.sha, options.since, options.fix.targets]))
    .digest('hex');
  return join(options.cacheDir, 'blame', `${key}.json`);
};

const readCached = async (file: string | null): Promise<string[] | null> => {
  if (file === null) return null;
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(value) && value.every((sha) => typeof sha === 'string') ? value : null;
  } catch {
    return null;
  }
};

const writeCached = async (file: string | null, shas: readonly string[]): Promise<void> => {
  if (file === null) return;
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(shas));
  await rename(temporary, file);
};

/**
 * SZZ's step back in time: for each line a fix deleted or changed, the commit that last touched
 * it before the fix (`git blame -w` in the fix's parent, whitespace-only changes looked
 * through). Returns one sha per blamed line; a file blame cannot read (it did not exist under
 * that name) gives none.
 */
export const blameFixCommit = async (options: BlameFixCommitOptions): Promise<string[]> => {
  const file = cacheFile(options);
  const cached = await readCached(file);
  if (cached !== null) return cached;
  const shas: string[] = [];
  for (const target of options.fix.targets) {
    const ranges = toLineRanges(target.lines).flatMap(([from, to]) => ['-L', `${from},${to}`]);
    const output = await runGit(options.gitDir, [
      'blame',
      '--porcelain',
      '-w',
      '--root',
      `--since=@${Math.floor(options.since)}`,
      ...ranges,
      `${options.fix.sha}^`,
      '--',
      target.path,
    ]).catch(() => null);
    if (output !== null) shas.push(...readBlamePorcelain(output.toString('utf8')));
  }
  await writeCached(file, shas);
  return shas;
};
