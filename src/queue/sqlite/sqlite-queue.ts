/**
 * The embedded durable queue: jobs live in their own SQLite file (node:sqlite, WAL), so a job
 * survives a crash or restart and runs again. One process owns the file; a running job holds a
 * lease it renews while the handler works, and a lease that runs out (its process died) hands
 * the job back to the queue, counting the crash as an attempt so a job that kills the process
 * ends dead-lettered rather than in a crash loop.
 */
import { randomUUID } from 'node:crypto';
import { errorMessage } from '../../domain/errors.js';
import { silentLog, type Log } from '../../domain/log.js';
import type { ReviewJob } from '../../domain/review-job.js';
import { exponentialBackoff } from '../exponential-backoff.js';
import { abortCause, JobAborted } from '../job-aborted.js';
import { prKey } from '../pr-key.js';
import { settleWithin } from '../settle-within.js';
import { openSqliteJobStore, type ClaimedJob } from './sqlite-job-store.js';
import type { DurableJobQueue, JobHandler, RetryOptions } from '../types.js';

export interface SqliteQueueOptions extends RetryOptions {
  /** The queue's own SQLite file, e.g. `DATA_DIR/queue.sqlite`. */
  readonly file: string;
  /** How many pull requests are reviewed at once. */
  readonly concurrency?: number;
  /** How long a running job stays claimed without a heartbeat: a dead process's jobs return after it. */
  readonly leaseMs?: number;
  /** How often the queue looks for due jobs and for leases that ran out. */
  readonly pollMs?: number;
  /** How long stop() waits for running jobs before it aborts them and hands them back. */
  readonly stopTimeoutMs?: number;
  /** How long finished rows are kept; they are what makes a late redelivery a no-op. */
  readonly retainMs?: number;
  readonly log?: Log;
}

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

const superseded = (headSha: string): JobAborted =>
  new JobAborted('superseded', `superseded by a newer push (head ${headSha.slice(0, 7)})`);

/** Runs `work` now and returns its result, or its exception, as a promise. */
const settle = <T>(work: () => T): Promise<T> => {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

export const createSqliteQueue = (options: SqliteQueueOptions): DurableJobQueue => {
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? exponentialBackoff();
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 25_000;
  const retainMs = options.retainMs ?? 7 * 24 * HOUR_MS;
  let log = (options.log ?? silentLog).child({ queue: 'sqlite' });
  const store = openSqliteJobStore(options.file, options.log ? { log: options.log } : {});
  const owner = randomUUID();
  const running = new Map<number, Running>();
  const deadLetters = new Set<Promise<void>>();
  const idleWaiters: Array<() => void> = [];
  let handler: JobHandler | null = null;
  let onDeadLetter = options.onDeadLetter;
  let phase: 'open' | 'stopping' | 'closed' = 'open';
  let timer: NodeJS.Timeout | null = null;
  let prunedAt = 0;
  let stopping: Promise<void> | null = null;

  const queuedJobs = (): number => {
    try {
      return store.countQueued();
    } catch (error) {
      log.warn({ err: error }, 'cannot count queued review jobs');
      return 1;
    }
  };
  const busy = (): boolean =>
    phase !== 'closed' && (running.size > 0 || deadLetters.size > 0 || queuedJobs() > 0);
  const notifyIdle = (): void => {
    if (idleWaiters.length === 0 || busy()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };
  const jobLog = (job: ReviewJob): Log =>
    log.child({ deliveryId: job.deliveryId, pr: prKey(job), headSha: job.headSha });

  const deadLetter = (job: ReviewJob, error: unknown): Promise<void> => {
    const pending = (async () => {
      jobLog(job).error({ err: error }, 'review job dead-lettered');
      try {
        await onDeadLetter?.(job, error);
      } catch (failure) {
        jobLog(job).error({ err: failure }, 'onDeadLetter failed');
      }
    })();
    deadLetters.add(pending);
    void pending.finally(() => {
      deadLetters.delete(pending);
      notifyIdle();
    });
    return pending;
  };

  const schedule = (): void => {
    if (phase !== 'open' || !handler) return;
    if (timer) clearTimeout(timer);
    let wait = pollMs;
    try {
      const next = store.nextRunAt();
      if (next !== null && next > Date.now()) wait = Math.min(pollMs, next - Date.now());
    } catch (error) {
      log.warn({ err: error }, 'cannot read when the next review job is due');
    }
    timer = setTimeout(tick, wait);
  };

  const tick = (): void => {
    timer = null;
    if (phase !== 'open' || !handler) return;
    try {
      for (const { job, attempts } of store.recoverExpired(owner, maxAttempts))
        void deadLetter(
          job,
          new Error(
            `the process running this review stopped before it finished, ${attempts} times. To resolve, look for a crash or an out-of-memory kill in the logs around the job's delivery id.`,
          ),
        );
      if (Date.now() - prunedAt > HOUR_MS) {
        store.prune(Date.now() - retainMs);
        prunedAt = Date.now();
      }
      pump();
    } catch (error) {
      log.error({ err: error }, 'queue poll failed; retrying at the next poll');
    }
    schedule();
    notifyIdle();
  };

  const pump = (): void => {
    while (phase === 'open' && handler && running.size < concurrency) {
      let claimed: ClaimedJob | null;
      try {
        claimed = store.claimNext(owner, leaseMs);
      } catch (error) {
        log.error({ err: error }, 'cannot take the next review job');
        return;
      }
      if (!claimed) return;
      run(claimed, handler);
    }
  };

  const renew = (entry: Running): void => {
    if (phase === 'closed' || entry.controller.signal.aborted) return;
    try {
      const { held, newerHead } = store.renew(entry.claimed.id, owner, leaseMs);
      if (!held)
        entry.controller.abort(
          new JobAborted('lease-lost', 'another process took this job over: its lease ran out'),
        );
      else if (newerHead !== null) entry.controller.abort(superseded(newerHead));
    } catch (error) {
      jobLog(entry.claimed.job).warn({ err: error }, 'cannot renew the job lease');
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
      if (phase === 'closed' || entry.released) return;
      const cause = abortCause(entry.controller.signal);
      if (cause === 'lease-lost') return;
      if (cause === 'superseded') return store.finish(id, owner, 'superseded');
      if (!failure) return store.finish(id, owner, 'done');
      options.onError?.(job, failure.error, attempts);
      const last = attempts >= maxAttempts;
      const retryAt = last ? null : Date.now() + backoffMs(attempts);
      const state = store.fail(id, owner, { error: errorMessage(failure.error), retryAt });
      jobLog(job).warn(
        { attempt: attempts, maxAttempts, state, err: failure.error },
        'review job failed',
      );
      if (state === 'dead') await deadLetter(job, failure.error);
    } catch (error) {
      jobLog(job).error({ err: error }, 'cannot record how a review job ended');
    } finally {
      running.delete(id);
      pump();
      schedule();
      notifyIdle();
    }
  };

  const shutdown = async (): Promise<void> => {
    if (phase === 'closed') return;
    phase = 'stopping';
    if (timer) clearTimeout(timer);
    const finished = await settleWithin(
      Promise.all([...running.values()].map((entry) => entry.done)),
      stopTimeoutMs,
    );
    if (!finished) {
      const ids = [...running.keys()];
      for (const entry of running.values()) {
        entry.released = true;
        clearInterval(entry.heartbeat);
        entry.controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
      }
      store.release(owner, ids);
      log.warn(
        { jobs: ids.length, stopTimeoutMs },
        'review jobs still running at shutdown: requeued',
      );
    }
    await settleWithin(Promise.all(deadLetters), stopTimeoutMs);
    phase = 'closed';
    store.close();
    notifyIdle();
  };

  return {
    enqueue: (job) =>
      settle(() => {
        if (phase === 'closed')
          throw new Error(
            'the review queue is stopped and cannot take jobs. To resolve, stop the HTTP server before the queue.',
          );
        if (!store.insert(job).inserted) {
          jobLog(job).info({}, 'delivery already queued: ignored');
          return;
        }
        const key = prKey(job);
        for (const entry of running.values())
          if (entry.key === key && entry.claimed.job.headSha !== job.headSha)
            entry.controller.abort(superseded(job.headSha));
        pump();
      }),
    start(handle, startOptions) {
      handler = handle;
      onDeadLetter = startOptions?.onDeadLetter ?? onDeadLetter;
      if (startOptions?.log) log = startOptions.log.child({ queue: 'sqlite' });
      tick();
    },
    depth: () =>
      settle(() => {
        if (phase === 'closed')
          throw new Error('the review queue is stopped: its depth is unknown');
        return store.countQueued();
      }),
    idle: () =>
      busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve(),
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
    abandon() {
      if (phase === 'closed') return Promise.resolve();
      phase = 'closed';
      if (timer) clearTimeout(timer);
      for (const entry of running.values()) {
        clearInterval(entry.heartbeat);
        entry.controller.abort(new JobAborted('abandoned', 'the queue was abandoned'));
      }
      store.close();
      notifyIdle();
      return Promise.resolve();
    },
  };
};
