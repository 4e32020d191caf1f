/**
 * `npm run bench:secrets`: how well and how fast the redactor works.
 *
 * Quality, on the corpus built by `src/secrets/corpus/` (every format in every assignment shape,
 * self-identifying formats with no name beside them, placeholders and near-misses): recall and
 * false-alarm rate, with the samples it gets wrong.
 *
 * Speed, on a patch of --mb megabytes (1 by default) cut from a local git history (`git log -p`,
 * this repository by default, or --git-dir), as a diff model through `redactSecrets` (the path a
 * review takes) and as one text through `redactText` (the path of a context file). Beside them,
 * in the same run: secretlint's recommended preset alone on the same text (the maintained rules'
 * own cost, a part of ours) and splitting and joining the text's lines (the floor of any per-line
 * work). With --plant N, one added line in N holds a corpus secret, to time the work on findings.
 * Wall and CPU time are both printed: on a shared machine the CPU time is the fairer figure.
 *
 *   npm run bench:secrets -- [--git-dir PATH] [--mb 1] [--runs 7] [--plant 0]
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseUnifiedDiff } from '../src/changes/parse-unified-diff.js';
import { testPullRequest } from '../src/route/test-route-input.js';
import { buildCorpus } from '../src/secrets/corpus/build-corpus.js';
import { type Score, scoreCorpus } from '../src/secrets/corpus/score-corpus.js';
import { redactSecrets } from '../src/secrets/redact-secrets.js';
import { redactText } from '../src/secrets/redact-text.js';
import { secretlintRanges } from '../src/secrets/secretlint-ranges.js';

const { values } = parseArgs({
  options: {
    'git-dir': { type: 'string' },
    mb: { type: 'string', default: '1' },
    runs: { type: 'string', default: '7' },
    plant: { type: 'string', default: '0' },
  },
});
const MB = 1024 * 1024;
const runs = Math.max(1, Number(values.runs));
const plantEvery = Number(values.plant);
const repository = values['git-dir'] ?? new URL('..', import.meta.url).pathname;

const percent = (rate: number): string => `${(rate * 100).toFixed(2)}%`;

const corpus = buildCorpus();
const started = performance.now();
const score = scoreCorpus(corpus);
const scoredIn = performance.now() - started;
const line = (label: string, rate: string, result: Score): string =>
  `${label.padEnd(44)} ${rate.padStart(8)}   (${result.total - result.wrong.length} of ${result.total})\n`;
process.stdout.write(`corpus (scored in ${scoredIn.toFixed(0)} ms)\n`);
process.stdout.write(
  line('recall, known formats beside a name', percent(score.named.rate), score.named),
);
process.stdout.write(
  line('recall, self-identifying formats, no name', percent(score.bare.rate), score.bare),
);
process.stdout.write(
  line(
    'false alarms, placeholders and near-misses',
    percent(1 - score.negatives.rate),
    score.negatives,
  ),
);
for (const [label, result] of Object.entries(score))
  for (const name of result.wrong.slice(0, 10))
    process.stdout.write(`  wrong (${label}): ${name}\n`);

const gitLog = spawnSync(
  'git',
  ['-C', repository, 'log', '-p', '--no-merges', '--no-color', '--no-ext-diff', 'HEAD'],
  { maxBuffer: 1024 * MB },
);
if (gitLog.status !== 0)
  throw new Error(`git log -p failed in ${repository}: ${gitLog.stderr.toString()}`);
const history = gitLog.stdout.toString('utf8');
const target = Number(values.mb) * MB;
let patch = history;
while (patch.length < target) patch += history;
patch = patch.slice(0, patch.lastIndexOf('\ncommit ', target) + 1 || target);

if (plantEvery > 0) {
  const planted = corpus.named.filter((sample) => !sample.text.includes('\n'));
  let next = 0;
  patch = patch
    .split('\n')
    .map((text, index) =>
      text.startsWith('+') && !text.startsWith('+++') && index % plantEvery === 0
        ? `+${planted[next++ % planted.length]?.text ?? ''}`
        : text,
    )
    .join('\n');
}

const diff = parseUnifiedDiff(patch);
const pr = testPullRequest();
/**
 * Each run's wall time and CPU time (user + system, this process). On a machine shared with other
 * work the wall time includes waiting for a core; the CPU time does not.
 */
interface Timing {
  readonly wall: number[];
  readonly cpu: number[];
}

const times = (measure: () => unknown): Timing => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const cpuBefore = process.cpuUsage();
    const begin = performance.now();
    measure();
    const elapsed = performance.now() - begin;
    const used = process.cpuUsage(cpuBefore);
    if (run === 0) continue;
    wall.push(elapsed);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
};
const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)] ?? 0;

const mb = patch.length / MB;
const rows: [string, Timing][] = [
  ['redactSecrets (diff model)', times(() => redactSecrets(diff, pr))],
  ['redactText (one text)', times(() => redactText(patch))],
  ['baseline: secretlint preset alone', times(() => secretlintRanges(patch))],
  ['floor: split and join the lines', times(() => patch.split('\n').join('\n'))],
];
const baseline = median(rows[2]?.[1].cpu ?? []);
process.stdout.write(
  `\npatch: ${mb.toFixed(2)} MB from ${repository} (git log -p), ${diff.files.length} files` +
    `${plantEvery > 0 ? `, a secret planted in one added line of ${plantEvery}` : ''}; ` +
    `first run dropped, then ${runs} runs; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}\n`,
);
const columns = [
  'best wall ms',
  'median wall ms',
  'median CPU ms',
  'CPU ms per MB',
  'CPU × baseline',
];
process.stdout.write(
  `${'what'.padEnd(36)} ${columns.map((column) => column.padStart(14)).join(' ')}\n`,
);
for (const [label, { wall, cpu }] of rows) {
  const figures = [wall[0] ?? 0, median(wall), median(cpu), median(cpu) / mb].map((figure) =>
    figure.toFixed(1),
  );
  figures.push((median(cpu) / baseline).toFixed(2));
  process.stdout.write(
    `${label.padEnd(36)} ${figures.map((figure) => figure.padStart(14)).join(' ')}\n`,
  );
}
