/**
 * The embedded durable queue: jobs live in their own SQLite file (node:sqlite, WAL), so a job
 * survives a crash or restart and runs again. One process owns the file; a running job holds a
 * lease it renews while the handler works, and a lease that runs out (its process died) hands
 * the job back to the queue, counting the crash as an attempt so a job that kills the process
 * ends dead-lettered rather than in a crash loop.
 */
import { randomUUID } from 'node:crypto';
import { errorMessage } from '../../domain/errors.js';
import { JOB_RETRY_BACKOFF } from '../exponential-backoff.js';
import { abortCause, JobAborted, supersededBy } from '../job-aborted.js';
import { createJobLifecycle } from '../job-lifecycle.js';
import { prKey, supersedes } from '../pr-key.js';
import { settleNow, settleWithin } from '../settle-within.js';
import { openSqliteJobStore, type ClaimedJob } from './sqlite-job-store.js';
import type { DurableJobQueue, JobHandler } from '../types.js';
import type { SqliteQueueOptions } from './types.js';

export type { SqliteQueueOptions } from './types.js';

interface Running {
  readonly claimed: ClaimedJob;
  readonly key: string;
  readonly controller: AbortController;
  heartbeat?: NodeJS.Timeout;
  done: Promise<void>;
  /** Handed back to the queue by stop(): whatever the handler does next is not recorded. */
  released: boolean;
}

const HOUR_MS = 60 * 60_000;
/** How long jobs aborted at shutdown get to write their rows: well within the shutdown reserve. */
const ABORTED_GRACE_MS = 1_000;

export const createSqliteQueue = (options: SqliteQueueOptions): DurableJobQueue => {
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? JOB_RETRY_BACKOFF;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 25_000;
  const retainMs = options.retainMs ?? 7 * 24 * HOUR_MS;
  const store = openSqliteJobStore(options.file, {
    ...(options.log ? { log: options.log } : {}),
    ...(options.walLimitBytes ? { walLimitBytes: options.walLimitBytes } : {}),
  });
  const owner = randomUUID();
  const running = new Map<number, Running>();
  let handler: JobHandler | null = null;
  let timer: NodeJS.Timeout | null = null;
  let prunedAt = 0;

  const hasQueued = (): boolean => {
    try {
      return store.hasQueued();
    } catch (error) {
      lifecycle.log().warn({ err: error }, 'cannot tell whether review jobs are queued');
      return true;
    }
  };
  const lifecycle = createJobLifecycle({
    tags: { queue: 'sqlite' },
    log: options.log,
    onDeadLetter: options.onDeadLetter,
    stopTimeoutMs,
    busy: () => running.size > 0 || hasQueued(),
  });
  const open = (): boolean => lifecycle.phase() === 'open' && handler !== null;

  const schedule = (): void => {
    if (!open()) return;
    if (timer) clearTimeout(timer);
    let wait = pollMs;
    try {
      const next = store.nextRunAt();
      if (next !== null && next > Date.now()) wait = Math.min(pollMs, next - Date.now());
    } catch (error) {
      lifecycle.log().warn({ err: error }, 'cannot read when the next review job is due');
    }
    timer = setTimeout(tick, wait);
  };

  const tick = (): void => {
    timer = null;
    if (!open()) return;
    try {
      for (const { job, attempts } of store.recoverExpired(owner, maxAttempts))
        void lifecycle.deadLetter(
          job,
          new Error(
            `the process running this review stopped before it finished, ${attempts} times. To resolve, look for a crash or an out-of-memory kill in the logs around the job's delivery id.`,
          ),
        );
      // Finished rows go a batch per poll, so an old backlog never holds the event loop.
      if (Date.now() - prunedAt > HOUR_MS && !store.prune(Date.now() - retainMs).more)
        prunedAt = Date.now();
      pump();
    } catch (error) {
      lifecycle.log().error({ err: error }, 'queue poll failed; retrying at the next poll');
    }
    schedule();
    lifecycle.notify();
  };

  const pump = (): void => {
    while (open() && handler && running.size < concurrency) {
      let claimed: ClaimedJob | null;
      try {
        claimed = store.claimNext(owner, leaseMs);
      } catch (error) {
        lifecycle.log().error({ err: error }, 'cannot take the next review job');
        return;
      }
      if (!claimed) return;
      run(claimed, handler);
    }
  };

  let pumpQueued = false;
  /**
   * Claims and starts takeable jobs once the current task is done: an enqueue returns, and its
   * webhook is acknowledged, before the claim's write and the synchronous start of a review.
   */
  const pumpSoon = (): void => {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(() => {
      pumpQueued = false;
      pump();
    });
  };

  const renew = (entry: Running): void => {
    if (lifecycle.phase() === 'closed' || entry.controller.signal.aborted) return;
    try {
      const { held, newerHead } = store.renew(entry.claimed.id, owner, leaseMs);
      if (!held)
        entry.controller.abort(
          new JobAborted('lease-lost', 'another process took this job over: its lease ran out'),
        );
      else if (newerHead !== null) entry.controller.abort(supersededBy(newerHead));
    } catch (error) {
      lifecycle.jobLog(entry.claimed.job).warn({ err: error }, 'cannot renew the job lease');
    }
  };

  const run = (claimed: ClaimedJob, handle: JobHandler): void => {
    const entry: Running = {
      claimed,
      key: prKey(claimed.job),
      controller: new AbortController(),
      done: Promise.resolve(),
      released: false,
    };
    entry.heartbeat = setInterval(() => renew(entry), Math.max(1, Math.floor(leaseMs / 3)));
    running.set(claimed.id, entry);
    entry.done = execute(entry, handle);
  };

  const execute = async (entry: Running, handle: JobHandler): Promise<void> => {
    const { id, job, attempts } = entry.claimed;
    let failure: { error: unknown } | null = null;
    try {
      await handle(job, entry.controller.signal);
    } catch (error) {
      failure = { error };
    }
    clearInterval(entry.heartbeat);
    try {
      if (lifecycle.phase() === 'closed' || entry.released) return;
      const cause = abortCause(entry.controller.signal);
      if (cause === 'lease-lost') return;
      if (cause === 'superseded') return store.finish(id, owner, 'superseded');
      if (!failure) return store.finish(id, owner, 'done');
      options.onError?.(job, failure.error, attempts);
      const last = attempts >= maxAttempts;
      const retryAt = last ? null : Date.now() + backoffMs(attempts);
      const state = store.fail(id, owner, { error: errorMessage(failure.error), retryAt });
      lifecycle
        .jobLog(job)
        .warn({ attempt: attempts, maxAttempts, state, err: failure.error }, 'review job failed');
      if (state === 'dead') await lifecycle.deadLetter(job, failure.error);
    } catch (error) {
      lifecycle.jobLog(job).error({ err: error }, 'cannot record how a review job ended');
    } finally {
      running.delete(id);
      pump();
      schedule();
      lifecycle.notify();
    }
  };

  /** Waits for the running jobs within stopTimeoutMs, then aborts them and hands them back. */
  const drain = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    const done = Promise.all([...running.values()].map((entry) => entry.done));
    if (await settleWithin(done, stopTimeoutMs)) return;
    const ids = [...running.keys()];
    for (const entry of running.values()) {
      entry.released = true;
      clearInterval(entry.heartbeat);
      entry.controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
    }
    store.release(owner, ids);
    lifecycle
      .log()
      .warn({ jobs: ids.length, stopTimeoutMs }, 'review jobs still running at shutdown: requeued');
    // An aborted job records what its model call in flight cost before the ledger closes.
    await settleWithin(done, ABORTED_GRACE_MS);
  };

  return {
    enqueue: (job, enqueueOptions) =>
      settleNow(() => {
        lifecycle.assertOpen();
        if (!store.insert(job, enqueueOptions?.delayMs).inserted) {
          lifecycle.jobLog(job).info({}, 'delivery already queued: ignored');
          return;
        }
        const key = prKey(job);
        for (const entry of running.values())
          if (entry.key === key && supersedes(job, entry.claimed.job))
            entry.controller.abort(supersededBy(job.headSha));
        pumpSoon();
      }),
    start(handle, startOptions) {
      handler = handle;
      lifecycle.configure(startOptions);
      tick();
    },
    depth: () =>
      settleNow(() => {
        if (lifecycle.phase() === 'closed')
          throw new Error('the review queue is stopped: its depth is unknown');
        return store.countQueued();
      }),
    idle: () => lifecycle.idle(),
    stop: () => lifecycle.stop({ drain, close: () => store.close() }),
    abandon() {
      if (!lifecycle.abandon()) return Promise.resolve();
      if (timer) clearTimeout(timer);
      for (const entry of running.values()) {
        clearInterval(entry.heartbeat);
        entry.controller.abort(new JobAborted('abandoned', 'the queue was abandoned'));
      }
      return store.close();
    },
  };
};
