/**
 * The webhook benchmark's fake GitHub and model APIs, in a process of their own so their work
 * does not slow the load generator. Serves any pull request of the benchmark's repository with
 * the head SHA the load sends; prints one JSON line with the addresses, then answers each `stats`
 * line on stdin with one JSON line of counts.
 *
 *   node --import ./scripts/typescript-hooks.mjs bench/fake-services.ts [MODEL_DELAY_MS]
 */
import { createInterface } from 'node:readline';
import { startFakeGitHub, type FakePull } from '../test/fakes/fake-github.js';
import { startFakeModels } from '../test/fakes/fake-models.js';
import { prFile, pullRequestObject } from '../test/helpers/github-payloads.js';
import { modelAnswer } from '../test/helpers/model-answers.js';
import { benchHeadSha } from './bench-pull.js';

const FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
  prFile(
    'test/format-date.test.ts',
    "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
  ),
];

const served = new Map<string, FakePull>();
const github = await startFakeGitHub({
  fallbackPull: (owner, repo, number) => {
    const key = `${owner}/${repo}#${number}`;
    const pull = served.get(key) ?? {
      owner,
      repo,
      number,
      pull: pullRequestObject({
        owner,
        repo,
        number,
        headSha: benchHeadSha(number),
      }) as FakePull['pull'],
      files: FILES,
    };
    served.set(key, pull);
    return pull;
  },
});
const models = await startFakeModels(modelAnswer({ findings: [] }));
models.delayMs = Number(process.argv[2] ?? '0');

console.log(
  JSON.stringify({
    githubHost: github.host,
    openaiBaseUrl: models.openaiBaseUrl,
    anthropicBaseUrl: models.anthropicBaseUrl,
  }),
);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stats')
    console.log(
      JSON.stringify({ reviews: github.reviews.length, modelCalls: models.calls.length }),
    );
});
