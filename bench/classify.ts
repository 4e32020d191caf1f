/**
 * `npm run bench:classify`: the whole `review-router classify --json` process on a large real
 * patch, next to `git apply --numstat` on the same patch and a bare `node -e ''`, in one run.
 *
 * The patch is `git log -p` of a local history (this repository by default, or --git-dir),
 * whole commits, until it reaches --mb megabytes (the history is repeated if it is shorter).
 * `classify` refuses a patch in which two commits change the same file (their lines cannot be
 * added up), so git is asked to put each file under a folder of its commit (`a/c17/src/x.ts`,
 * with --src-prefix and --dst-prefix, and the same folder on `rename from`/`to` lines): every
 * file then appears once, with git's own hunks. The patch is classified at a quarter, half and
 * all of its size, to show time and memory grow linearly.
 *
 * Targets, whole process, at the full size: time at most 5x `git apply --numstat`; peak
 * resident memory above a bare `node -e ''` at most 4x the patch size. The classify output is
 * checked against git's numstat (files, additions, deletions) before any figure is printed.
 *
 *   npm run bench:classify -- [--git-dir PATH] [--mb 17] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ensureBuiltApp } from './ensure-built-app.js';

const { values } = parseArgs({
  options: {
    'git-dir': { type: 'string' },
    mb: { type: 'string', default: '17' },
    runs: { type: 'string', default: '3' },
  },
});
const MB = 1024 * 1024;
const TIME_TARGET = 5;
const MEMORY_TARGET = 4;
const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/review-router.js');
/**
 * Prints the process's peak RSS on exit. Plain JavaScript in a data: URL: a TypeScript hook would
 * make Node load its type stripper into the bare process and inflate the baseline.
 */
const MAX_RSS = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, `\\nmaxRSS ${process.resourceUsage().maxRSS}\\n`));",
)}`;
const targetBytes = Number(values.mb) * MB;
const runs = Math.max(1, Number(values.runs));
const repository = values['git-dir'] ?? ROOT;

ensureBuiltApp(ROOT);

/** Stands for the commit's folder in git's prefixes; replaced per commit below. */
const MARK = '@review-router-bench@';
const gitLog = spawnSync(
  'git',
  [
    '-C',
    repository,
    'log',
    '-p',
    '--no-merges',
    '-M',
    '--no-color',
    '--no-ext-diff',
    `--src-prefix=a/${MARK}/`,
    `--dst-prefix=b/${MARK}/`,
    'HEAD',
  ],
  { maxBuffer: 4 * 1024 * MB, encoding: 'latin1' },
);
if (gitLog.status !== 0) throw new Error(`git log -p failed in ${repository}: ${gitLog.stderr}`);
// Latin-1 keeps every byte as one character, so lengths are bytes and the output is unchanged.
const commits = gitLog.stdout.split(/(?=^commit [0-9a-f]{40})/m).filter((text) => text !== '');
if (commits.length === 0) throw new Error(`${repository} has no history to build a patch from`);

/** Whole commits up to `bytes`, each file under a folder named for its commit's position. */
const buildPatch = (bytes: number): string => {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const folder = `c${index}`;
    const commit = (commits[index % commits.length] ?? '')
      .replaceAll(MARK, folder)
      .replace(
        /^(rename|copy) (from|to) ("?)/gm,
        (_match, kind: string, side: string, quote: string) => `${kind} ${side} ${quote}${folder}/`,
      );
    parts.push(commit);
    size += commit.length;
  }
  return parts.join('');
};

interface Run {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly stdout: string;
}

/**
 * One process, timed from spawn to exit; its peak RSS when it ran with the MAX_RSS hook. It is
 * started by a shell that forks it: on Linux a process's peak RSS starts at that of the process
 * it was forked from, and this one holds the whole history.
 */
const run = (command: string, args: readonly string[], cwd: string): Run => {
  const started = performance.now();
  const result = spawnSync('/bin/sh', ['-c', '"$@"; exit $?', 'sh', command, ...args], {
    cwd,
    maxBuffer: 1024 * MB,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  const rss = /maxRSS (\d+)/.exec(result.stderr)?.[1];
  return { seconds, maxRssMb: rss === undefined ? 0 : Number(rss) / 1024, stdout: result.stdout };
};

const best = (runsOf: readonly Run[]): { seconds: number; maxRssMb: number } => ({
  seconds: Math.min(...runsOf.map((entry) => entry.seconds)),
  maxRssMb: Math.min(...runsOf.map((entry) => entry.maxRssMb)),
});

interface Totals {
  readonly files: number;
  readonly additions: number;
  readonly deletions: number;
}

/** `git apply --numstat`'s lines: `added<TAB>deleted<TAB>path`, `-` for a binary file. */
const numstatTotals = (numstat: string): Totals => {
  const rows = numstat.split('\n').filter((line) => line !== '');
  const sum = (column: number) =>
    rows.reduce((total, row) => total + (Number(row.split('\t')[column]) || 0), 0);
  return { files: rows.length, additions: sum(0), deletions: sum(1) };
};

interface Row {
  readonly mb: number;
  readonly files: number;
  readonly classify: { seconds: number; maxRssMb: number };
  readonly git: { seconds: number };
  readonly node: { seconds: number; maxRssMb: number };
}

const dir = mkdtempSync(join(tmpdir(), 'review-router-bench-'));

const measureSize = (bytes: number): Row => {
  const file = join(dir, `bench-${bytes}.patch`);
  writeFileSync(file, buildPatch(bytes), 'latin1');
  const withRss = ['--import', MAX_RSS];
  const classifyRuns: Run[] = [];
  const gitRuns: Run[] = [];
  const nodeRuns: Run[] = [];
  // Taking turns, so a busy moment of a shared machine falls on all three alike.
  for (let round = 0; round < runs; round += 1) {
    nodeRuns.push(run(process.execPath, [...withRss, '-e', ''], dir));
    gitRuns.push(run('git', ['apply', '--numstat', file], dir));
    classifyRuns.push(run(process.execPath, [...withRss, BIN, 'classify', '--json', file], dir));
  }
  const record = JSON.parse(classifyRuns[0]?.stdout ?? '') as {
    changedFiles: number;
    additions: number;
    deletions: number;
  };
  const git = numstatTotals(gitRuns[0]?.stdout ?? '');
  const ours = {
    files: record.changedFiles,
    additions: record.additions,
    deletions: record.deletions,
  };
  if (JSON.stringify(ours) !== JSON.stringify(git)) {
    throw new Error(`classify counted ${JSON.stringify(ours)}, git ${JSON.stringify(git)}`);
  }
  const mb = statSync(file).size / MB;
  rmSync(file);
  return {
    mb,
    files: git.files,
    classify: best(classifyRuns),
    git: best(gitRuns),
    node: best(nodeRuns),
  };
};

const rows = [targetBytes / 4, targetBytes / 2, targetBytes].map((bytes) => measureSize(bytes));
rmSync(dir, { recursive: true, force: true });

const timeRatio = (row: Row) => row.classify.seconds / row.git.seconds;
const memoryRatio = (row: Row) => (row.classify.maxRssMb - row.node.maxRssMb) / row.mb;

const pad = (text: string, width: number) => text.padStart(width);
const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `patch: git log -p of ${repository} (${commits.length} commits, each file under its commit's folder), best of ${runs} runs`,
);
out('');
out(
  `${pad('patch MB', 9)} ${pad('files', 7)} ${pad('classify s', 11)} ${pad('git apply s', 12)} ${pad('time ratio', 11)} ${pad('classify RSS MB', 16)} ${pad("node -e '' MB", 14)} ${pad('memory ratio', 13)}`,
);
for (const row of rows) {
  out(
    `${pad(row.mb.toFixed(1), 9)} ${pad(String(row.files), 7)} ${pad(row.classify.seconds.toFixed(3), 11)} ${pad(row.git.seconds.toFixed(3), 12)} ${pad(`${timeRatio(row).toFixed(2)}x`, 11)} ${pad(row.classify.maxRssMb.toFixed(0), 16)} ${pad(row.node.maxRssMb.toFixed(0), 14)} ${pad(`${memoryRatio(row).toFixed(2)}x`, 13)}`,
  );
}
const full = rows.at(-1);
if (full !== undefined) {
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  out('');
  out(
    `time ratio = whole classify --json process / git apply --numstat: ${timeRatio(full).toFixed(2)}x (target at most ${TIME_TARGET}x: ${verdict(timeRatio(full) <= TIME_TARGET)})`,
  );
  out(
    `memory ratio = (classify peak RSS - node -e '' peak RSS) / patch size: ${memoryRatio(full).toFixed(2)}x (target at most ${MEMORY_TARGET}x: ${verdict(memoryRatio(full) <= MEMORY_TARGET)})`,
  );
}
