/**
 * `npm run bench:classify`: how fast the changes and classify stages read a large patch, next to
 * `git apply --numstat` on the same patch in the same run.
 *
 * The patch is generated from a local git history (`git log -p`, this repository by default,
 * or --git-dir), repeated until it reaches --mb megabytes. It is classified at a quarter, half
 * and all of its size, to show the time grows linearly; memory is the heap the model takes
 * (the patch text plus its model) and the process's peak resident set.
 *
 *   npm run bench:classify -- [--git-dir PATH] [--mb 40] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseUnifiedDiff } from '../src/changes/parse-unified-diff.js';
import { classifyChange } from '../src/classify/classify-change.js';
import { DEFAULT_POLICY } from '../src/policy/default-policy.js';

const { values } = parseArgs({
  options: {
    'git-dir': { type: 'string' },
    mb: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
  },
});
const MB = 1024 * 1024;
const targetBytes = Number(values.mb) * MB;
const runs = Math.max(1, Number(values.runs));
const repository = values['git-dir'] ?? new URL('..', import.meta.url).pathname;

const gitLog = spawnSync(
  'git',
  ['-C', repository, 'log', '-p', '--no-merges', '-M', '--no-color', '--no-ext-diff', 'HEAD'],
  { maxBuffer: 4 * 1024 * MB },
);
if (gitLog.status !== 0)
  throw new Error(`git log -p failed in ${repository}: ${gitLog.stderr.toString()}`);
const history = gitLog.stdout;
if (history.length === 0) throw new Error(`${repository} has no history to build a patch from`);

/** The history repeated up to the target size, cut at a commit so every copy is a whole patch. */
const buildPatch = (bytes: number): Buffer => {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const left = bytes - size;
    // Whole commits: the last boundary before the bytes left, else the first one after them.
    const before = history.lastIndexOf('\ncommit ', left);
    const after = history.indexOf('\ncommit ', left);
    const cut = left >= history.length ? history.length : before > 0 ? before : after;
    const part = history.subarray(0, cut > 0 ? cut + 1 : history.length);
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts);
};

const dir = mkdtempSync(join(tmpdir(), 'review-router-bench-'));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const best = (measure: () => number): number =>
  Math.min(...Array.from({ length: runs }, () => measure()));

interface Row {
  readonly mb: number;
  readonly files: number;
  readonly ours: number;
  readonly git: number;
  readonly heapMb: number;
}

const measureSize = (bytes: number): Row => {
  const file = join(dir, `bench-${bytes}.patch`);
  writeFileSync(file, buildPatch(bytes));
  const size = readFileSync(file).length;
  let files = 0;
  const ours = best(() => {
    gc();
    const started = performance.now();
    const text = readFileSync(file, 'utf8');
    const diff = parseUnifiedDiff(text);
    const classification = classifyChange({ diff, policy: DEFAULT_POLICY });
    files = classification.changedFiles;
    return (performance.now() - started) / 1000;
  });
  const git = best(() => {
    const started = performance.now();
    const result = spawnSync('git', ['apply', '--numstat', file], {
      cwd: dir,
      maxBuffer: 1024 * MB,
    });
    if (result.status !== 0)
      throw new Error(`git apply --numstat failed: ${result.stderr.toString()}`);
    return (performance.now() - started) / 1000;
  });
  gc();
  const before = process.memoryUsage().heapUsed;
  const text = readFileSync(file, 'utf8');
  const diff = parseUnifiedDiff(text);
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / MB;
  if (diff.files.length !== files) throw new Error('the model changed between runs');
  rmSync(file);
  return { mb: size / MB, files, ours, git, heapMb };
};

const rows = [targetBytes / 4, targetBytes / 2, targetBytes].map((bytes) => measureSize(bytes));
rmSync(dir, { recursive: true, force: true });

const pad = (text: string, width: number) => text.padStart(width);
process.stdout.write(
  `patch from ${repository} (git log -p, ${(history.length / MB).toFixed(1)} MB, repeated), best of ${runs} runs\n\n`,
);
process.stdout.write(
  `${pad('patch MB', 9)} ${pad('files', 8)} ${pad('classify s', 11)} ${pad('MB/s', 7)} ${pad('files/s', 9)} ${pad('git apply s', 12)} ${pad('git MB/s', 9)} ${pad('ratio', 6)} ${pad('model heap MB', 14)}\n`,
);
for (const row of rows) {
  process.stdout.write(
    `${pad(row.mb.toFixed(1), 9)} ${pad(String(row.files), 8)} ${pad(row.ours.toFixed(3), 11)} ${pad((row.mb / row.ours).toFixed(1), 7)} ${pad(Math.round(row.files / row.ours).toLocaleString('en-US'), 9)} ${pad(row.git.toFixed(3), 12)} ${pad((row.mb / row.git).toFixed(1), 9)} ${pad((row.ours / row.git).toFixed(2), 6)} ${pad(row.heapMb.toFixed(1), 14)}\n`,
  );
}
const [quarter, , full] = rows;
const perMb = (row: Row | undefined) => (row === undefined ? Number.NaN : row.ours / row.mb);
process.stdout.write(
  `\nratio = classify time / git apply --numstat time on the same patch (below 1: faster than git)\n` +
    `linearity: ${(perMb(full) / perMb(quarter)).toFixed(2)} x the time per MB at 4 x the size (1.00 is linear)\n` +
    `peak resident set: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB for a ${full?.mb.toFixed(1)} MB patch; ` +
    `model heap ${full?.heapMb.toFixed(1)} MB = ${((full?.heapMb ?? 0) / (full?.mb ?? 1)).toFixed(1)} x the patch\n`,
);
