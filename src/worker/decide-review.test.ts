import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDiff, testFile } from '../classify/test-diff.js';
import { silentLog } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { ReviewJob } from '../domain/review-job.js';
import { sampleEntry } from '../ledger/sample-entry.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import type { LedgerStore, ReserveRequest } from '../ledger/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { testClassification, testPullRequest } from '../route/test-route-input.js';
import type { TierPlan, TierPlans } from '../review/plan-tiers.js';
import { decideReview, type RoutedSubject } from './decide-review.js';
import { DEFAULT_LIMITS } from './types.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const MONTH = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

const tier = (usd: number): TierPlan => ({
  usd,
  wholeUsd: usd,
  fit: { kind: 'whole' },
  trim: null,
});
const PLANS: TierPlans = { inputTokens: 2_000, deep: tier(0.16), fast: tier(0.03) };

const job: ReviewJob = {
  deliveryId: 'delivery-7',
  installationId: 42,
  owner: 'acme',
  repo: 'api',
  pr: 7,
  headSha: 'a'.repeat(40),
  trigger: 'opened',
  forcedTier: null,
  receivedAt: NOW.toISOString(),
};

const budgetPolicy = (budget: Partial<Policy['budget']>): Policy => ({
  ...DEFAULT_POLICY,
  budget: { ...DEFAULT_POLICY.budget, ...budget },
});

let dir: string;
let store: LedgerStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decide-review-'));
  store = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
  await store.migrate();
  await store.record(
    sampleEntry({ repo: 'acme/api', costUsd: 1, startedAt: '2026-11-05T00:00:00Z' }),
  );
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A high-risk pull request (routed deep by the default rules) reviewed against `ledger`. */
const contextWith = (
  ledger: LedgerStore,
  policy: Policy,
): [RoutedSubject, TierPlans, Parameters<typeof decideReview>[2]] => [
  {
    job,
    repo: 'acme/api',
    policy,
    pr: testPullRequest(),
    diff: testDiff([testFile('src/auth/session.ts', { additions: 12 })]),
    classification: testClassification({ level: 'high' }),
    scope: { kind: 'full', note: null },
  },
  PLANS,
  { ledger, limits: DEFAULT_LIMITS, now: () => NOW, log: silentLog },
];

/** Another review (pull request 8) reserves `amountUsd` just before our first reservation. */
const racedBy = (amountUsd: number): LedgerStore => {
  let raced = false;
  return {
    ...store,
    reserve: async (request: ReserveRequest) => {
      if (!raced) {
        raced = true;
        await store.reserve({ ...request, amountUsd, caps: [] });
      }
      return store.reserve(request);
    },
  };
};

const reserved = async () =>
  (await store.committed({ scope: 'repo', repo: 'acme/api', ...MONTH, at: NOW.toISOString() }))
    .reservedUsd;

describe('decideReview', () => {
  it('holds the estimate of the tier it routes to', async () => {
    const { decision, reservationId } = await decideReview(
      ...contextWith(store, budgetPolicy({ monthly_usd: 2 })),
    );
    expect(decision.tier).toBe('deep');
    expect(reservationId).not.toBeNull();
    expect(await reserved()).toBe(0.16);
  });

  it('routes again when another review took the budget first, and lowers this one to fast', async () => {
    const { decision, reservationId } = await decideReview(
      ...contextWith(racedBy(0.16), budgetPolicy({ monthly_usd: 1.2 })),
    );
    expect(decision).toMatchObject({ tier: 'fast', rule: 'budget.monthly_usd' });
    expect(decision.budgetNote).toBe(
      'monthly budget $1.20: $1.00 spent this month and $0.16 held by reviews in progress; a deep review (~$0.16) would pass it, so this review runs on the fast tier',
    );
    expect(reservationId).not.toBeNull();
    expect(await reserved()).toBeCloseTo(0.19, 9);
  });

  it('routes again and skips when the policy says skip', async () => {
    const { decision, reservationId } = await decideReview(
      ...contextWith(racedBy(0.16), budgetPolicy({ monthly_usd: 1.2, when_exceeded: 'skip' })),
    );
    expect(decision).toMatchObject({ tier: 'skip', rule: 'budget.monthly_usd' });
    expect(reservationId).toBeNull();
    expect(await reserved()).toBe(0.16);
  });

  it('skips, and says why, when the budget keeps being taken before it can hold any', async () => {
    const alwaysTaken: LedgerStore = {
      ...store,
      reserve: () =>
        Promise.resolve({
          reserved: false,
          scope: 'org',
          capUsd: 20,
          spentUsd: 19.5,
          reservedUsd: 0.5,
        }),
    };
    const { decision, reservationId } = await decideReview(
      ...contextWith(alwaysTaken, budgetPolicy({ org_monthly_usd: 20 })),
    );
    expect(reservationId).toBeNull();
    expect(decision).toMatchObject({ tier: 'skip', model: null, rule: 'budget.org_monthly_usd' });
    expect(decision.reason).toContain(
      'reviews running at the same time took the rest of the organisation budget, so no review',
    );
    expect(decision.budgetNote).toBe(
      'organisation budget $20.00: $19.50 spent this month and $0.50 held by reviews in progress, so this review is skipped',
    );
  });

  it('holds nothing when the policy has no monthly cap', async () => {
    const { decision, reservationId } = await decideReview(
      ...contextWith(store, budgetPolicy({ per_review_usd: 5 })),
    );
    expect(decision.tier).toBe('deep');
    expect(reservationId).toBeNull();
    expect(await reserved()).toBe(0);
  });

  it('checks the budget of the month the job started in, though it routes past midnight UTC', async () => {
    // $1 of November spent (beforeEach); a cap of $1.10 leaves no room for the deep estimate.
    const [subject, plans, deps] = contextWith(store, budgetPolicy({ monthly_usd: 1.1 }));
    const { decision } = await decideReview(subject, plans, {
      ...deps,
      now: () => new Date('2026-12-01T00:00:03.000Z'),
      jobStartedAt: '2026-11-30T23:59:58.000Z',
    });
    expect(decision.tier).toBe('fast');
    expect(decision.budgetNote).toContain('$1.00 spent this month');
  });
});
