import { describe, expect, it } from 'vitest';
import { testDiff, testFile } from '../classify/test-diff.js';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { emptyUsage } from '../domain/usage.js';
import type { GitHubPort } from '../github/types.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { JobAborted } from '../queue/job-aborted.js';
import type { TierPlan } from '../review/plan-tiers.js';
import { NO_DEADLINE } from '../review/review-deadline.js';
import { testClassification, testPullRequest } from '../route/test-route-input.js';
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

describe('a shutdown during the escalated deep call', () => {
  it('ends the job with the paid fast answer and the deep call in flight, at its estimate', async () => {
    const controller = new AbortController();
    const deps = {
      limits: DEFAULT_LIMITS,
      now: () => NOW,
      prices: loadPriceTable(),
      log: silentLog,
      ledger: {
        claim: () => Promise.resolve({ claimed: true }),
        attachCheck: () => Promise.resolve(),
      },
      providers: {
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
      },
    } as unknown as WorkerDeps;
    const subject = {
      job,
      repo: 'acme/api',
      policy: DEFAULT_POLICY,
      classification: testClassification({ level: 'low' }),
      diff: testDiff([testFile('src/a.ts', { additions: 1 })]),
      pr: testPullRequest(),
      secrets: { known: [] },
    } as unknown as ReviewSubject;
    const deepPlan: TierPlan = { usd: 0.1, wholeUsd: 0.1, fit: { kind: 'whole' }, trim: null };
    const run = {
      job,
      repo: 'acme/api',
      ref: { owner: 'acme', repo: 'api', pr: 7 },
      gh: { createCheckRun: () => Promise.resolve(1001) } as unknown as GitHubPort,
      log: silentLog,
      startedAt: NOW.toISOString(),
    };

    const ended = await reviewOnTier(
      run,
      subject,
      {
        choice: {
          tier: 'fast',
          model: DEFAULT_POLICY.models.fast,
          reason: 'r',
          budgetNote: null,
          trim: null,
        },
        deepPlan,
        reservationId: 'r-1',
        estimateUsd: 0.02,
      },
      deps,
      { signal: controller.signal, deadline: NO_DEADLINE },
    );

    expect(ended.attempts.map((attempt) => [attempt.tier, attempt.outcome])).toEqual([
      ['deep', 'failed'],
      ['fast', 'failed'],
    ]);
    expect(ended.attempts[0]).toMatchObject({ costUsd: 0.1 });
    expect(ended.attempts[1]?.costUsd).toBeGreaterThan(0);
  });
});
