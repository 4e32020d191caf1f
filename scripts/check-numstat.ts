/**
 * Holds parseUnifiedDiff to git's counts over a whole history: every non-merge commit's patch
 * (one `git log -p -M -C` stream) against `git show --numstat` for that commit, and the patches
 * in batches against `git apply --numstat`. Prints mismatches and a summary; exits 1 on any.
 *
 *   node --import ./scripts/typescript-hooks.mjs scripts/check-numstat.ts --git-dir PATH [--max-count N]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mapWithConcurrency } from '../src/calibrate/map-with-concurrency.js';
import { createRecordSeparator, runGit, streamGitRecords } from '../src/calibrate/run-git.js';
import { parseUnifiedDiff } from '../src/changes/parse-unified-diff.js';
import {
  expectedFromApply,
  asApplyNumstat,
  asNumstat,
  expectedFromPatch,
  parseNumstatZ,
} from '../src/changes/test-git-numstat.js';

const { values } = parseArgs({
  options: { 'git-dir': { type: 'string' }, 'max-count': { type: 'string' } },
});
const gitDir = values['git-dir'];
if (gitDir === undefined) throw new Error('--git-dir PATH is required');
const limit = values['max-count'] === undefined ? [] : [`--max-count=${values['max-count']}`];

const patches: { sha: string; text: string }[] = [];
let sha: string | null = null;
let first = true;
const separator = createRecordSeparator();
for await (const token of streamGitRecords(
  gitDir,
  [
    'log',
    '--no-merges',
    '-p',
    '-M',
    '-C',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${separator.format}%H${separator.format}`,
    ...limit,
    'HEAD',
  ],
  separator.bytes,
)) {
  if (first) {
    first = false;
  } else if (sha === null) {
    sha = token.toString('utf8').trim();
  } else {
    patches.push({ sha, text: token.toString('utf8') });
    sha = null;
  }
}

let mismatches = 0;
let files = 0;
const started = Date.now();
await mapWithConcurrency(patches, 4, async ({ sha: commit, text }) => {
  const model = parseUnifiedDiff(text);
  const expected = expectedFromPatch(
    parseNumstatZ(
      await runGit(gitDir, ['show', '--numstat', '-z', '--format=', '-M', '-C', commit]),
    ),
    model,
  );
  const actual = asNumstat(model);
  files += expected.length;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    mismatches += 1;
    process.stdout.write(
      `numstat mismatch in ${commit}:\n  git:    ${JSON.stringify(expected).slice(0, 800)}\n  parsed: ${JSON.stringify(actual).slice(0, 800)}\n`,
    );
  }
});

const BATCH = 400;
let applyMismatches = 0;
for (let start = 0; start < patches.length; start += BATCH) {
  const batch = patches.slice(start, start + BATCH).map((p) => p.text);
  const joined = batch.join('\n');
  const applied = spawnSync('git', ['apply', '--numstat', '-z'], {
    input: joined,
    maxBuffer: 1024 * 1024 * 1024,
    cwd: '/',
  });
  if (applied.status !== 0) {
    process.stdout.write(
      `git apply refused batch at ${start}: ${applied.stderr.toString().slice(0, 300)}\n`,
    );
    continue;
  }
  const combined = {
    files: batch.flatMap((text) => parseUnifiedDiff(text).files),
    additions: 0,
    deletions: 0,
    truncated: false,
  };
  const expected = expectedFromApply(parseNumstatZ(applied.stdout), combined);
  const actual = asApplyNumstat(combined);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    applyMismatches += 1;
    const index = actual.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]));
    process.stdout.write(
      `git apply --numstat mismatch in batch at ${start}, file ${index}: git ${JSON.stringify(expected[index])} parsed ${JSON.stringify(actual[index])}\n`,
    );
  }
}
process.stdout.write(
  `${gitDir}: ${patches.length} commits, ${files} file changes, ${mismatches} numstat mismatches, ${applyMismatches} apply batch mismatches (${Date.now() - started} ms)\n`,
);
process.exitCode = mismatches + applyMismatches === 0 ? 0 : 1;
