import { describe, expect, it } from 'vitest';
import { TransientError } from '../domain/errors.js';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { ReviewKey } from '../ledger/types.js';
import { JobAborted } from '../queue/job-aborted.js';
import { emptyUsage } from '../domain/usage.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { finishJob } from './finish-job.js';
import { endedWith, stopped, type JobOutcome } from './job-outcome.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
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
const fastKey: ReviewKey = { repo: 'acme/api', pr: 7, headSha: job.headSha, tier: 'fast' };
const deepKey: ReviewKey = { ...fastKey, tier: 'deep' };

/** Every write the finishing step makes, in order; `failCheck` makes GitHub refuse check runs. */
const harness = (failCheck = false) => {
  const writes: string[] = [];
  const gh = {
    createCheckRun: () => {
      writes.push('check:create');
      return failCheck ? Promise.reject(new Error('GitHub is down')) : Promise.resolve(11);
    },
    completeCheckRun: (_ref: unknown, id: number, conclusion: string) => {
      writes.push(`check:${id}:${conclusion}`);
      return failCheck ? Promise.reject(new Error('GitHub is down')) : Promise.resolve();
    },
  };
  const ledger = {
    record: (entry: { outcome: string; tier: string }) => {
      writes.push(`row:${entry.tier}:${entry.outcome}`);
      return Promise.resolve({} as never);
    },
    settle: (key: ReviewKey, state: string) => {
      writes.push(`settle:${key.tier}:${state}`);
      return Promise.resolve();
    },
    release: (id: string) => {
      writes.push(`release:${id}`);
      return Promise.resolve();
    },
  };
  const target = {
    job,
    ref: { owner: 'acme', repo: 'api' },
    startedAt: NOW.toISOString(),
    gh,
    log: silentLog,
  };
  const finish = (outcome: JobOutcome) => finishJob(outcome, target, { ledger, now: () => NOW });
  return { writes, finish };
};

const review = (fields: Partial<JobOutcome>): JobOutcome =>
  endedWith({
    claims: [fastKey],
    reservationId: 'r-1',
    check: { id: 5, conclusion: 'success', output: { title: 't', summary: 's' } },
    ...fields,
  });

describe('finishJob', () => {
  it('writes each attempt with what caching saved, priced with the price table it is given', async () => {
    const rows: { cacheSavedUsd: number }[] = [];
    const ledger = {
      record: (entry: { cacheSavedUsd: number }) => {
        rows.push(entry);
        return Promise.resolve({} as never);
      },
      settle: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const gh = {
      createCheckRun: () => Promise.resolve(11),
      completeCheckRun: () => Promise.resolve(),
    };
    const usage = { ...emptyUsage('anthropic'), inputTokens: 2_000, cachedInputTokens: 100_000 };
    await finishJob(
      review({
        attempts: [
          {
            tier: 'deep',
            outcome: 'posted',
            reason: 'risk high',
            provider: 'anthropic',
            model: 'claude-opus-4-6',
            usage,
            costUsd: 0.06,
            priceVersion: 'v',
          },
        ],
      }),
      {
        job,
        ref: { owner: 'acme', repo: 'api' },
        startedAt: NOW.toISOString(),
        gh,
        log: silentLog,
      },
      { ledger, now: () => NOW, prices: loadPriceTable() },
    );
    // 100,000 tokens read from cache on Opus 4.6: $5 - $0.50 per million saved.
    expect(rows.map((row) => row.cacheSavedUsd)).toEqual([expect.closeTo(0.45, 9)]);
  });

  it('opens and completes a check run for a job that ends before any model, then writes its row', async () => {
    const { writes, finish } = harness();
    await finish(
      stopped(
        { tier: 'skip', outcome: 'skipped', reason: 'docs only' },
        { check: { conclusion: 'skipped', output: { title: 't', summary: 's' } } },
      ),
    );
    expect(writes).toEqual(['check:create', 'check:11:skipped', 'row:skip:skipped']);
  });

  it('retries a job whose check run cannot be reported before anything was spent, writing no row', async () => {
    const { writes, finish } = harness(true);
    const outcome = stopped(
      { tier: 'skip', outcome: 'failed', reason: 'invalid policy file' },
      { check: { conclusion: 'failure', output: { title: 't', summary: 's' } } },
    );
    await expect(finish(outcome)).rejects.toBeInstanceOf(TransientError);
    expect(writes).toEqual(['check:create']);
  });

  it('completes the check run, writes every attempt in order, keeps the claims and frees the budget of a posted review', async () => {
    const { writes, finish } = harness();
    await finish(
      review({
        claims: [fastKey, deepKey],
        settleAs: 'posted',
        attempts: [
          { tier: 'fast', outcome: 'escalated', reason: 'r' },
          { tier: 'deep', outcome: 'posted', reason: 'r' },
        ],
      }),
    );
    expect(writes).toEqual([
      'check:5:success',
      'row:fast:escalated',
      'row:deep:posted',
      'settle:fast:posted',
      'settle:deep:posted',
      'release:r-1',
    ]);
  });

  it('does not retry a posted review whose check run cannot be completed: that would post it twice', async () => {
    const { writes, finish } = harness(true);
    await finish(
      review({ settleAs: 'posted', attempts: [{ tier: 'fast', outcome: 'posted', reason: 'r' }] }),
    );
    expect(writes).toEqual([
      'check:5:success',
      'row:fast:posted',
      'settle:fast:posted',
      'release:r-1',
    ]);
  });

  it('records what was paid for, releases the claims and retries when the check run of an unposted review fails', async () => {
    const { writes, finish } = harness(true);
    const outcome = review({ attempts: [{ tier: 'fast', outcome: 'superseded', reason: 'r' }] });
    await expect(finish(outcome)).rejects.toThrow(/GitHub is down/);
    expect(writes).toEqual([
      'check:5:success',
      'row:fast:superseded',
      'settle:fast:released',
      'release:r-1',
    ]);
  });

  it('releases a failed deep claim even when the fast review is posted', async () => {
    const { writes, finish } = harness();
    await finish(review({ settleAs: 'posted', releasedClaims: [deepKey] }));
    expect(writes).toEqual([
      'check:5:success',
      'settle:deep:released',
      'settle:fast:posted',
      'release:r-1',
    ]);
  });

  it('settles an interrupted review first, says so on its check run at the end, and hands the job back as retryable', async () => {
    const { writes, finish } = harness();
    const boom = new Error('boom');
    const outcome = review({
      attempts: [{ tier: 'fast', outcome: 'failed', reason: 'r', error: 'not posted: boom' }],
      interrupted: boom,
      check: {
        id: 5,
        conclusion: 'neutral',
        output: { title: 'Review interrupted', summary: 's' },
      },
    });
    const thrown = await finish(outcome).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(TransientError);
    expect((thrown as TransientError).message).toBe('boom');
    // The original error, with its stack, travels with it to the log and the dead letter.
    expect((thrown as TransientError).cause).toBe(boom);
    expect(writes).toEqual([
      'row:fast:failed',
      'settle:fast:released',
      'release:r-1',
      'check:5:neutral',
    ]);
  });

  it('hands back a job the queue took back as the JobAborted it was, even when GitHub is down', async () => {
    const { writes, finish } = harness(true);
    const aborted = new JobAborted('shutdown', 'the queue is shutting down');
    await expect(finish(review({ interrupted: aborted }))).rejects.toBe(aborted);
    expect(writes).toEqual(['settle:fast:released', 'release:r-1', 'check:5:success']);
  });
});
