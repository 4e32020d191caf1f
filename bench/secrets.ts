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
 *
 *   npm run bench:secrets -- [--git-dir PATH] [--mb 1] [--runs 7] [--plant 0]
 */
import { spawnSync } from 'node:child_process';
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
const times = (measure: () => unknown): number[] =>
  Array.from({ length: runs + 1 }, () => {
    const begin = performance.now();
    measure();
    return performance.now() - begin;
  })
    .slice(1)
    .sort((a, b) => a - b);
const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)] ?? 0;

const mb = patch.length / MB;
const rows: [string, number[]][] = [
  ['redactSecrets (diff model)', times(() => redactSecrets(diff, pr))],
  ['redactText (one text)', times(() => redactText(patch))],
  ['baseline: secretlint preset alone', times(() => secretlintRanges(patch))],
  ['floor: split and join the lines', times(() => patch.split('\n').join('\n'))],
];
const baseline = median(rows[2]?.[1] ?? []);
process.stdout.write(
  `\npatch: ${mb.toFixed(2)} MB from ${repository} (git log -p), ${diff.files.length} files` +
    `${plantEvery > 0 ? `, a secret planted in one added line of ${plantEvery}` : ''}; ` +
    `first run dropped, then ${runs} runs\n`,
);
process.stdout.write(
  `${'what'.padEnd(36)} ${'best ms'.padStart(8)} ${'median ms'.padStart(10)} ${'ms per MB'.padStart(10)} ${'× baseline'.padStart(11)}\n`,
);
for (const [label, sorted] of rows) {
  const middle = median(sorted);
  process.stdout.write(
    `${label.padEnd(36)} ${(sorted[0] ?? 0).toFixed(1).padStart(8)} ${middle.toFixed(1).padStart(10)} ${(middle / mb).toFixed(1).padStart(10)} ${(middle / baseline).toFixed(2).padStart(11)}\n`,
  );
}
