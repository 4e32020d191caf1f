import { describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { emptyUsage } from '../domain/usage.js';
import type { GitHubPort } from '../github/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { JobAborted } from '../queue/job-aborted.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { NO_DEADLINE } from '../review/review-deadline.js';
import type { TierPlan } from '../review/plan-tiers.js';
import { testDiff, testFile } from '../classify/test-diff.js';
import { testClassification, testPullRequest } from '../route/test-route-input.js';
import type { JobRun } from './open-job.js';
import { reviewOnTier } from './review-on-tier.js';
import type { ReviewSubject } from './review-subject.js';
import { DEFAULT_LIMITS, type WorkerDeps } from './types.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const job = {
  deliveryId: 'delivery-7',
  owner: 'acme',
  repo: 'api',
  pr: 7,
  headSha: 'a'.repeat(40),
} as ReviewJob;
const run: JobRun = {
  job,
  repo: 'acme/api',
  ref: { owner: 'acme', repo: 'api', pr: 7 },
  gh: {
    createCheckRun: () => Promise.reject(new Error('no check run may open without a claim')),
  } as unknown as GitHubPort,
  log: silentLog,
  startedAt: NOW.toISOString(),
};
const subject = {
  job,
  repo: 'acme/api',
  policy: DEFAULT_POLICY,
  classification: testClassification({ level: 'low' }),
} as ReviewSubject;
const deepPlan: TierPlan = { usd: 0.1, wholeUsd: 0.1, fit: { kind: 'whole' }, trim: null };
const options = {
  choice: {
    tier: 'fast' as const,
    model: DEFAULT_POLICY.models.fast,
    reason: 'small change',
    budgetNote: null,
    trim: null,
  },
  deepPlan,
  reservationId: 'r-1',
  estimateUsd: 0.02,
};
const depsWith = (claim: WorkerDeps['ledger']['claim']): WorkerDeps =>
  ({
    ledger: { claim },
    limits: DEFAULT_LIMITS,
    now: () => NOW,
  }) as unknown as WorkerDeps;
const live = { signal: new AbortController().signal, deadline: NO_DEADLINE };

/**
 * A review that reaches its model call, whose providers `providersFor` builds around the job's
 * controller (aborting it stops the job as the queue does): deps, subject and run for it.
 */
const reachingTheModel = (providersFor: (controller: AbortController) => object) => {
  const controller = new AbortController();
  const deps = {
    ...depsWith(() => Promise.resolve({ claimed: true })),
    prices: loadPriceTable(),
    log: silentLog,
    ledger: {
      claim: () => Promise.resolve({ claimed: true }),
      attachCheck: () => Promise.resolve(),
    },
    providers: providersFor(controller),
  } as unknown as WorkerDeps;
  const reviewed = {
    ...subject,
    diff: testDiff([testFile('src/a.ts', { additions: 1 })]),
    pr: testPullRequest(),
    secrets: { known: [] },
  } as unknown as ReviewSubject;
  const opened = {
    ...run,
    gh: { createCheckRun: () => Promise.resolve(1001) } as unknown as GitHubPort,
  };
  const review = () =>
    reviewOnTier(opened, reviewed, options, deps, {
      signal: controller.signal,
      deadline: NO_DEADLINE,
    });
  return { review };
};

describe('reviewOnTier', () => {
  it('does nothing but hand back the budget when another delivery holds the claim', async () => {
    const deps = depsWith(() =>
      Promise.resolve({ claimed: false, state: 'running', deliveryId: 'delivery-6' }),
    );
    const outcome = await reviewOnTier(run, subject, options, deps, live);
    expect(outcome).toMatchObject({
      attempts: [],
      check: null,
      claims: [],
      reservationId: 'r-1',
      interrupted: null,
    });
  });

  it('hands back the budget and retries the job when the claim cannot be taken', async () => {
    const down = new Error('database is down');
    const outcome = await reviewOnTier(
      run,
      subject,
      options,
      depsWith(() => Promise.reject(down)),
      live,
    );
    expect(outcome).toMatchObject({
      attempts: [],
      check: null,
      claims: [],
      reservationId: 'r-1',
      interrupted: down,
    });
  });

  it('releases its claim and records nothing when the check run cannot be opened', async () => {
    const deps = depsWith(() => Promise.resolve({ claimed: true }));
    const outcome = await reviewOnTier(run, subject, options, deps, live);
    expect(outcome).toMatchObject({
      attempts: [],
      check: null,
      claims: [{ repo: 'acme/api', pr: 7, headSha: job.headSha, tier: 'fast' }],
      settleAs: 'released',
      reservationId: 'r-1',
    });
    expect(outcome.interrupted).toEqual(new Error('no check run may open without a claim'));
  });

  it('records the call in flight at its estimate when the queue stops the job at shutdown', async () => {
    const asked: string[] = [];
    const { review } = reachingTheModel((controller) => ({
      // The call never answers in this process: the queue's stop comes first.
      openai: {
        id: 'openai',
        review: (request: { model: string }) => {
          asked.push(request.model);
          controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
          return new Promise(() => undefined);
        },
      },
    }));
    const outcome = await review();
    expect(asked).toEqual(['gpt-5.3-codex']);
    expect(outcome).toMatchObject({
      attempts: [
        {
          tier: 'fast',
          outcome: 'failed',
          provider: 'openai',
          model: 'gpt-5.3-codex',
          usage: null,
          costUsd: 0.02,
          deepCostUsd: 0.1,
          priceVersion: loadPriceTable().version,
        },
      ],
      check: { id: 1001, conclusion: 'neutral' },
      settleAs: 'released',
      reservationId: 'r-1',
    });
    expect(outcome.attempts[0]?.error).toMatch(/^the process stopped during the model call/);
    expect(outcome.interrupted).toBeInstanceOf(JobAborted);
  });
});

describe('a shutdown during the escalated deep call', () => {
  it('ends the job with the paid fast answer and the deep call in flight, at its estimate', async () => {
    const { review } = reachingTheModel((controller) => ({
      openai: {
        id: 'openai',
        review: (request: { model: string }) =>
          Promise.resolve({
            ok: true,
            value: {
              answer: { summary: 's', escalate: { needed: true, reason: 'risky' }, findings: [] },
              usage: { ...emptyUsage('openai'), inputTokens: 10_000, outputTokens: 1_000 },
              model: request.model,
              requestId: null,
            },
          }),
      },
      // The deep model never answers; the queue shuts down while it thinks.
      anthropic: {
        id: 'anthropic',
        review: () => {
          controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
          return new Promise(() => undefined);
        },
      },
    }));

    const ended = await review();

    expect(ended.attempts.map((attempt) => [attempt.tier, attempt.outcome])).toEqual([
      ['deep', 'failed'],
      ['fast', 'failed'],
    ]);
    expect(ended.attempts[0]).toMatchObject({ costUsd: 0.1 });
    expect(ended.attempts[1]?.costUsd).toBeGreaterThan(0);
  });
});
