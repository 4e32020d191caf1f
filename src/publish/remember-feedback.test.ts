import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { CompareResult, GitHubPort } from '../github/types.js';
import { postedFinding } from '../ledger/finding-feedback.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import type { TierAnswer } from '../review/tier-call.js';
import { testPullRequest } from '../route/test-route-input.js';
import { chooseReviewScope } from '../worker/choose-review-scope.js';
import { rememberFeedback } from './remember-feedback.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const AT = '2026-11-21T10:00:00.000Z';

const job: ReviewJob = {
  deliveryId: 'push-b',
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  pr: 42,
  headSha: B,
  trigger: 'synchronize',
  forcedTier: null,
  receivedAt: AT,
};

describe('rememberFeedback', () => {
  it('follows a finding into a file the push deleted, though it left the pull request', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    const tracked = { sha: A, line: 2, startLine: null };
    await store.recordFindings([postedFinding({ path: 'src/debug.ts', line: 2, tracked })]);
    // The pull request added src/debug.ts at A; B deletes it, so its files no longer list it.
    const pullDiff = fromGitHubFiles(
      [
        {
          filename: 'src/a.ts',
          status: 'added',
          additions: 1,
          deletions: 0,
          changes: 1,
          patch: '@@ -0,0 +1,1 @@\n+const a = 1;',
        },
      ],
      { truncated: false },
    );
    const compare = {
      found: true,
      status: 'ahead',
      aheadBy: 1,
      filesCapped: false,
      mayHoldMerge: false,
      files: [
        {
          filename: 'src/debug.ts',
          status: 'removed',
          additions: 0,
          deletions: 3,
          changes: 3,
          patch: '@@ -1,3 +0,0 @@\n-one\n-two\n-three',
        },
      ],
    } as CompareResult;
    const scoped = await chooseReviewScope({
      job,
      gh: { compareCommits: () => Promise.resolve(compare) } as unknown as GitHubPort,
      ref: { owner: 'acme', repo: 'api', pr: 42 },
      policy: DEFAULT_POLICY,
      pr: testPullRequest(),
      pullDiff,
      state: {
        repo: 'acme/api',
        pr: 42,
        lastReviewedSha: A,
        lastReviewedBase: null,
        skip: null,
        summaryReviewId: null,
        updatedAt: AT,
      },
      log: silentLog,
      redact: (diff) => diff,
    });

    await rememberFeedback(
      { job, repo: 'acme/api', scope: scoped.scope, diff: scoped.diff },
      {
        id: 2,
        url: 'https://github.com/acme/api/pull/42#review-2',
        findings: [],
        fingerprints: new Map(),
      },
      {
        result: {
          choice: { tier: 'fast', model: { provider: 'openai', model: 'gpt-5.3-codex' } },
          costUsd: 0.01,
        } as unknown as TierAnswer,
        spentBeforeUsd: 0,
        ports: { ledger: store, log: silentLog, now: () => new Date(AT) },
      },
    );

    const [finding] = await store.listPullFindings({ repo: 'acme/api', pr: 42 });
    expect(scoped.diff.files.map((file) => file.path)).toEqual([]);
    expect(finding?.signals).toEqual(['lines-changed']);
    await store.close();
  });
});
