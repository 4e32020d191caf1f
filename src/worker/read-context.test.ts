import { describe, expect, it } from 'vitest';
import { testDiff, testFile } from '../classify/test-diff.js';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { CodeSource } from '../context/types.js';
import type { GitHubPort } from '../github/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { NO_DEADLINE } from '../review/review-deadline.js';
import { testClassification, testPullRequest } from '../route/test-route-input.js';
import type { JobRun } from './open-job.js';
import { readContext } from './read-context.js';
import type { ReviewSubject } from './review-subject.js';

const HEAD = 'c'.repeat(40);
const PULL_BASE = 'a'.repeat(40);
const REVIEWED = 'b'.repeat(40);

/** The commits whose code the job asked for: each source fails, so the pool stays empty. */
const readsOf = async (scope: ReviewScope): Promise<string[]> => {
  const commits: string[] = [];
  const gh = {
    codeSource: (_ref: unknown, commit: string) => {
      commits.push(commit);
      return new Proxy({}, { get: () => () => Promise.reject(new Error('offline')) }) as CodeSource;
    },
  } as unknown as GitHubPort;
  const run = {
    job: { headSha: HEAD } as ReviewJob,
    repo: 'acme/api',
    ref: { owner: 'acme', repo: 'api', pr: 7 },
    gh,
    log: silentLog,
  } as JobRun;
  const subject = {
    policy: DEFAULT_POLICY,
    pr: testPullRequest({ baseSha: PULL_BASE }),
    diff: testDiff([testFile('src/report.ts', { added: ['export const a = 1;'] })]),
    classification: testClassification({ level: 'low' }),
    secrets: { findings: [], notes: [], known: [] },
    scope,
  } as unknown as ReviewSubject;
  await readContext(run, subject, { deadline: NO_DEADLINE });
  return commits;
};

describe('readContext', () => {
  it("reads the old side of a whole pull request's diff at its base", async () => {
    expect(await readsOf({ kind: 'full', note: null })).toEqual([HEAD, PULL_BASE]);
  });

  it('reads the old side of a push reviewed alone at the head reviewed last', async () => {
    const scope = { kind: 'incremental', baseSha: REVIEWED } as ReviewScope;
    expect(await readsOf(scope)).toEqual([HEAD, REVIEWED]);
  });
});
