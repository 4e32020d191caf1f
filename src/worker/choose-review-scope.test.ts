import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { DiffModel } from '../domain/diff.js';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { CompareResult, GitHubFile, GitHubPort } from '../github/types.js';
import type { PullState } from '../ledger/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { testPullRequest } from '../route/test-route-input.js';
import { chooseReviewScope } from './choose-review-scope.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const file = (filename: string, lines = 3): GitHubFile => ({
  filename,
  status: 'modified',
  additions: lines,
  deletions: 0,
  changes: lines,
  patch: `@@ -1,0 +1,${lines} @@\n${Array.from({ length: lines }, (_, i) => `+const v${i} = ${i};`).join('\n')}`,
});

const PULL_FILES = [file('src/auth/session.ts'), file('src/utils/format.ts'), file('README.md', 1)];
const pullDiff = fromGitHubFiles(PULL_FILES, { truncated: false });

const job = (
  trigger: ReviewJob['trigger'] = 'synchronize',
  extra: Pick<Partial<ReviewJob>, 'label' | 'forcedTier'> = {},
): ReviewJob => ({
  deliveryId: 'd-1',
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  pr: 7,
  headSha: B,
  trigger,
  forcedTier: null,
  receivedAt: '2026-11-21T10:00:00.000Z',
  ...extra,
});

const state = (lastReviewedSha: string | null): PullState => ({
  repo: 'acme/api',
  pr: 7,
  lastReviewedSha,
  lastReviewedBase: null,
  skip: null,
  summaryReviewId: null,
  updatedAt: '2026-11-21T10:00:00.000Z',
});

const scopeWith = async (
  compare: () => Promise<CompareResult>,
  options: {
    trigger?: ReviewJob['trigger'];
    label?: string;
    forcedTier?: ReviewJob['forcedTier'];
    pullDiff?: DiffModel;
    last?: string | null;
    redact?: (diff: DiffModel) => DiffModel;
  } = {},
) => {
  const compared: Array<{ base: string; head: string }> = [];
  const gh = {
    compareCommits: (_ref: unknown, range: { base: string; head: string }) => {
      compared.push(range);
      return compare();
    },
  } as unknown as GitHubPort;
  const scoped = await chooseReviewScope({
    job: job(options.trigger, {
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(options.forcedTier === undefined ? {} : { forcedTier: options.forcedTier }),
    }),
    gh,
    ref: { owner: 'acme', repo: 'api', pr: 7 },
    policy: DEFAULT_POLICY,
    pr: testPullRequest(),
    pullDiff: options.pullDiff ?? pullDiff,
    state: options.last === undefined ? state(A) : state(options.last),
    log: silentLog,
    redact: options.redact ?? ((diff) => diff),
  });
  return { scoped, compared };
};

const ahead = (files: GitHubFile[], mayHoldMerge = true): Promise<CompareResult> =>
  Promise.resolve({
    found: true,
    status: 'ahead',
    aheadBy: 2,
    files,
    filesCapped: false,
    mayHoldMerge,
  });

describe('chooseReviewScope', () => {
  it.each([
    ['an opened pull request', { trigger: 'opened' as const }],
    ['a command', { trigger: 'command' as const }],
    ['a label that picks the tier', { trigger: 'labeled' as const, label: 'review:deep' }],
    ['a forced tier', { trigger: 'reopened' as const, forcedTier: 'deep' as const }],
    ['a push to a pull request never reviewed', { last: null }],
    ['a push of the head already reviewed', { last: B }],
  ])('reviews the whole diff for %s, without asking GitHub to compare', async (_case, options) => {
    const { scoped, compared } = await scopeWith(() => ahead([]), options);
    expect(scoped.scope).toEqual({ kind: 'full', note: null });
    expect(scoped.diff).toBe(pullDiff);
    expect(compared).toEqual([]);
  });

  it.each([
    ['a draft made ready', { trigger: 'ready_for_review' as const }],
    ['a reopen', { trigger: 'reopened' as const }],
    ['a skip label taken off', { trigger: 'unlabeled' as const, label: 'review:skip' }],
    ['a re-run of a failed review', { trigger: 'rerequested' as const }],
    ['a label no rule names', { trigger: 'labeled' as const, label: 'bug' }],
  ])(
    'reviews what changed since the last review for %s on a head not yet reviewed',
    async (_case, options) => {
      const { scoped, compared } = await scopeWith(
        () => ahead([file('src/utils/format.ts', 1)]),
        options,
      );
      expect(compared).toEqual([{ base: A, head: B }]);
      expect(scoped.scope).toMatchObject({ kind: 'incremental', baseSha: A, files: 1 });
    },
  );

  it('reviews only the pull request files changed since the last reviewed head', async () => {
    const redacted: string[] = [];
    const { scoped, compared } = await scopeWith(
      () => ahead([file('src/utils/format.ts', 1), file('src/merged-from-main.ts')]),
      { redact: (diff) => (redacted.push(...diff.files.map((f) => f.path)), diff) },
    );
    expect(compared).toEqual([{ base: A, head: B }]);
    expect(scoped.diff.files.map((f) => f.path)).toEqual(['src/utils/format.ts']);
    expect(redacted).toEqual(['src/utils/format.ts']);
    expect(scoped.scope).toMatchObject({
      kind: 'incremental',
      baseSha: A,
      commits: 2,
      files: 1,
      pullFiles: 3,
      routedOn: 'increment',
      touchedRiskyPaths: [],
    });
    expect(scoped.pullClassification.risk.level).toBe('high');
    expect(scoped.classification.risk.level).toBe('low');
  });

  it('keeps every hunk of the pull request files when no merge is among the new commits', async () => {
    // Lines 40-41 of format.ts: not lines the pull request's diff adds, as after a merge of the
    // base, or when the push deletes what an earlier commit of the pull request added.
    const hunk = {
      ...file('src/utils/format.ts'),
      patch: '@@ -40,2 +40,1 @@\n const v39 = 39;\n-const debug = true;',
    };
    const merged = await scopeWith(() => ahead([hunk], true));
    const pushed = await scopeWith(() => ahead([hunk], false));
    expect(merged.scoped.diff.files).toEqual([]);
    expect(pushed.scoped.diff.files.map((f) => f.path)).toEqual(['src/utils/format.ts']);
  });

  it('reviews the whole pull request after it was retargeted to another base branch', async () => {
    const gh = {
      compareCommits: () => ahead([file('src/utils/format.ts', 1)]),
    } as unknown as GitHubPort;
    const scoped = await chooseReviewScope({
      job: job(),
      gh,
      ref: { owner: 'acme', repo: 'api', pr: 7 },
      policy: DEFAULT_POLICY,
      pr: { ...testPullRequest(), baseRef: 'main' },
      pullDiff,
      state: { ...state(A), lastReviewedBase: 'release/2.x' },
      log: silentLog,
      redact: (diff) => diff,
    });
    expect(scoped.scope).toEqual({
      kind: 'full',
      note: 'the base branch changed from release/2.x to main since the last review',
    });
  });

  it('keeps a changed file missing from a listing GitHub cut at 3,000 files', async () => {
    const { scoped } = await scopeWith(
      () => ahead([file('src/utils/format.ts', 1), file('src/zz/handler.ts')]),
      { pullDiff: fromGitHubFiles(PULL_FILES, { truncated: true }) },
    );
    expect(scoped.diff.files.map((f) => f.path)).toEqual([
      'src/utils/format.ts',
      'src/zz/handler.ts',
    ]);
  });

  it('carries the whole pull request risk when the push touches a file that made it risky', async () => {
    const { scoped } = await scopeWith(() => ahead([file('src/auth/session.ts', 1)]));
    expect(scoped.scope).toMatchObject({
      routedOn: 'pull-request',
      touchedRiskyPaths: ['src/auth/session.ts'],
    });
    expect(scoped.classification.risk).toEqual(scoped.pullClassification.risk);
    expect(scoped.classification.changedLines).toBe(1);
  });

  it.each([
    ['GitHub no longer has the commit', { found: false }],
    [
      'the commit is not an ancestor of the head',
      {
        found: true,
        status: 'diverged',
        aheadBy: 1,
        files: [],
        filesCapped: false,
        mayHoldMerge: true,
      } as const,
    ],
    [
      'the head went backwards',
      {
        found: true,
        status: 'behind',
        aheadBy: 0,
        files: [],
        filesCapped: false,
        mayHoldMerge: false,
      } as const,
    ],
  ] as Array<[string, CompareResult]>)(
    'reviews the whole diff when %s, and says why',
    async (_case, result) => {
      const { scoped } = await scopeWith(() => Promise.resolve(result));
      expect(scoped.scope).toEqual({
        kind: 'full',
        note: "aaaaaaa, the commit reviewed last, is no longer in this branch's history (a force-push?)",
      });
      expect(scoped.diff).toBe(pullDiff);
    },
  );

  it('reviews the whole diff when GitHub lists only part of what changed, or cannot compare', async () => {
    const capped = await scopeWith(() =>
      Promise.resolve({
        found: true,
        status: 'ahead',
        aheadBy: 900,
        files: [file('a.ts')],
        filesCapped: true,
        mayHoldMerge: true,
      }),
    );
    expect(capped.scoped.scope).toEqual({
      kind: 'full',
      note: 'more than 1 files changed since aaaaaaa',
    });
    const failed = await scopeWith(() => Promise.reject(new Error('502 Bad Gateway')));
    expect(failed.scoped.scope).toEqual({
      kind: 'full',
      note: 'GitHub could not compare with aaaaaaa, the commit reviewed last',
    });
  });

  it('keeps lockfiles and generated files the policy does not ignore out of what the model reads', async () => {
    const withLock = fromGitHubFiles([...PULL_FILES, file('go.sum'), file('yarn.lock')], {
      truncated: false,
    });
    const gh = {} as GitHubPort;
    const whole = await chooseReviewScope({
      job: job('opened'),
      gh,
      ref: { owner: 'acme', repo: 'api', pr: 7 },
      policy: DEFAULT_POLICY,
      pr: testPullRequest(),
      pullDiff: withLock,
      state: null,
      log: silentLog,
      redact: (diff) => diff,
    });
    expect(whole.leftOut).toEqual([{ path: 'go.sum', reason: 'lockfile' }]);
    expect(whole.diff.files.map((f) => f.path)).toEqual([
      'src/auth/session.ts',
      'src/utils/format.ts',
      'README.md',
      'yarn.lock',
    ]);
    expect(whole.diff.additions).toBe(10);
  });
});
