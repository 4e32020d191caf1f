import { describe, expect, it } from 'vitest';
import type { ReviewJob } from '../domain/review-job.js';
import type { CompareResult, FindingThread, GitHubPort } from '../github/types.js';
import { postedFinding } from '../ledger/finding-feedback.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { createMetrics } from '../metrics/create-metrics.js';
import { withFeedbackMetrics } from '../metrics/with-feedback-metrics.js';
import { settleFeedback } from './settle-feedback.js';

const F = '1'.repeat(32);
const job: ReviewJob = {
  deliveryId: 'close-1',
  installationId: 42,
  owner: 'acme',
  repo: 'api',
  pr: 42,
  headSha: 'b'.repeat(40),
  trigger: 'feedback',
  forcedTier: null,
  receivedAt: '2026-11-21T10:00:00.000Z',
};
const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silent,
};

/** The head the findings were posted on. */
const POSTED_HEAD = 'a'.repeat(40);

/**
 * GitHub as the job reads it: the pull request's state and head (the one the findings were posted
 * on unless told), its threads at close, and the compare from the posted head to the final one.
 */
const fakeGitHub = (state: {
  open: boolean;
  threads: FindingThread[];
  reads: number;
  head?: string;
  compare?: (base: string, head: string) => Promise<CompareResult>;
}) =>
  ({
    getPullRequest: () =>
      Promise.resolve({
        state: state.open ? 'open' : 'closed',
        headSha: state.head ?? POSTED_HEAD,
      }),
    compareCommits: (_repo: unknown, range: { base: string; head: string }) =>
      state.compare === undefined
        ? Promise.reject(new Error('no compare expected'))
        : state.compare(range.base, range.head),
    readFindingThreads: () => {
      state.reads += 1;
      return Promise.resolve(state.threads);
    },
  }) as unknown as GitHubPort;

const thread = (resolvedBy: string | null, up: string[] = []): FindingThread => ({
  isResolved: resolvedBy !== null,
  resolvedBy: resolvedBy === null ? null : { login: resolvedBy, isBot: false },
  comments: [
    {
      body: `<!-- review-router:finding ${F} -->`,
      author: { login: 'review-router', isBot: true },
    },
  ],
  reactions: up.map((login) => ({ content: '+1' as const, user: { login, isBot: false } })),
});

describe('settleFeedback', () => {
  it('settles at close, reopens, re-evaluates at the next close and counts each outcome once', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    const ledger = withFeedbackMetrics(store, metrics);
    await ledger.recordFindings([postedFinding({ fingerprint: F })]);
    const github = { open: false, threads: [thread('maintainer')], reads: 0 };
    const deps = {
      github: () => Promise.resolve(fakeGitHub(github)),
      ledger,
      log: silent,
      now: () => new Date('2026-11-22T10:00:00Z'),
    };
    const outcome = async () => (await ledger.listPullFindings({ repo: 'acme/api', pr: 42 }))[0];
    const counted = async () =>
      Object.fromEntries(
        (await metrics.findingOutcomes.get()).values.map((v) => [
          String(v.labels.outcome),
          v.value,
        ]),
      );

    await settleFeedback(job, deps);
    expect(await outcome()).toMatchObject({ outcome: 'dismissed', signals: ['resolved'] });
    await settleFeedback(job, deps);
    expect(await counted()).toEqual({ dismissed: 1 });

    github.open = true;
    await settleFeedback(job, deps);
    expect((await outcome())?.outcome).toBe('open');
    expect(github.reads).toBe(2);

    github.open = false;
    github.threads = [thread('maintainer', ['octocat'])];
    await settleFeedback(job, deps);
    expect(await outcome()).toMatchObject({ outcome: 'acted-on', signals: ['resolved', '+1'] });
    expect(await counted()).toEqual({ dismissed: 1, 'acted-on': 1 });
    await store.close();
  });

  it('counts a fix pushed after the review as acted-on, though no later review posted', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    await store.recordFindings([postedFinding({ fingerprint: F })]);
    const finalHead = 'c'.repeat(40);
    const compared: string[] = [];
    const github = {
      open: false,
      threads: [] as FindingThread[],
      reads: 0,
      head: finalHead,
      compare: (base: string, head: string): Promise<CompareResult> => {
        compared.push(`${base.slice(0, 1)}...${head.slice(0, 1)}`);
        return Promise.resolve({
          found: true,
          status: 'ahead',
          aheadBy: 1,
          filesCapped: false,
          mayHoldMerge: false,
          // src/a.ts line 3, the finding's line, rewritten by the fix.
          files: [
            {
              filename: 'src/a.ts',
              status: 'modified',
              additions: 1,
              deletions: 1,
              changes: 2,
              patch: '@@ -2,3 +2,3 @@\n two\n-three\n+three, fixed\n four',
            },
          ],
        } as CompareResult);
      },
    };
    const deps = {
      github: () => Promise.resolve(fakeGitHub(github)),
      ledger: store,
      log: silent,
      now: () => new Date('2026-11-22T10:00:00Z'),
    };

    await settleFeedback(job, deps);

    expect(compared).toEqual(['a...c']);
    expect((await store.listPullFindings({ repo: 'acme/api', pr: 42 }))[0]).toMatchObject({
      outcome: 'acted-on',
      signals: ['lines-changed'],
      tracked: { sha: finalHead, line: 3 },
    });
    await store.close();
  });

  it('leaves a finding as it was when its head is gone from the branch (a force-push)', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    await store.recordFindings([postedFinding({ fingerprint: F })]);
    const github = {
      open: false,
      threads: [] as FindingThread[],
      reads: 0,
      head: 'c'.repeat(40),
      compare: (): Promise<CompareResult> => Promise.resolve({ found: false }),
    };
    await settleFeedback(job, {
      github: () => Promise.resolve(fakeGitHub(github)),
      ledger: store,
      log: silent,
      now: () => new Date('2026-11-22T10:00:00Z'),
    });
    expect((await store.listPullFindings({ repo: 'acme/api', pr: 42 }))[0]).toMatchObject({
      outcome: 'no-signal',
      signals: [],
    });
    await store.close();
  });

  it('fails, to be retried, when GitHub cannot compare, and settles nothing meanwhile', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    await store.recordFindings([postedFinding({ fingerprint: F })]);
    const github = {
      open: false,
      threads: [] as FindingThread[],
      reads: 0,
      head: 'c'.repeat(40),
      compare: (): Promise<CompareResult> =>
        Promise.reject(Object.assign(new Error('Server Error'), { status: 500 })),
    };
    await expect(
      settleFeedback(job, {
        github: () => Promise.resolve(fakeGitHub(github)),
        ledger: store,
        log: silent,
        now: () => new Date('2026-11-22T10:00:00Z'),
      }),
    ).rejects.toThrow('Server Error');
    expect((await store.listPullFindings({ repo: 'acme/api', pr: 42 }))[0]?.outcome).toBe('open');
    await store.close();
  });

  it('reads nothing from GitHub for a pull request without posted findings', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    const github = () => Promise.reject(new Error('GitHub must not be asked'));
    await expect(
      settleFeedback(job, { github, ledger: store, log: silent, now: () => new Date() }),
    ).resolves.toBeUndefined();
    await store.close();
  });
});
