import { silentLog, type Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { JobAborted } from './job-aborted.js';
import { prKey } from './pr-key.js';
import { settleWithin } from './settle-within.js';
import type { JobHandler, JobQueue, RetryOptions } from './types.js';

export interface MemoryQueueOptions extends RetryOptions {
  /** How many pull requests are reviewed at once. */
  readonly concurrency?: number;
  /** How long stop() waits for running jobs before it aborts them. */
  readonly stopTimeoutMs?: number;
  /**
   * How many delivery ids to remember, so enqueuing a known delivery is a no-op. 0 (the default,
   * as before) lets a redelivered webhook run again and leaves the ledger's claim to stop a
   * second review; the durable queues always remember.
   */
  readonly rememberDeliveries?: number;
  readonly log?: Log;
}

interface Entry {
  readonly job: ReviewJob;
  attempt: number;
}

/**
 * An in-process queue: one job per pull request at a time; a newer head SHA drops the queued jobs
 * and aborts the running one for the same pull request; a remembered delivery id is ignored.
 * Not durable: a restart loses queued jobs.
 */
export const createMemoryQueue = (options: MemoryQueueOptions = {}): JobQueue => {
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? ((attempt: number) => 1_000 * 2 ** (attempt - 1));
  const stopTimeoutMs = options.stopTimeoutMs ?? 25_000;
  const rememberDeliveries = options.rememberDeliveries ?? 0;
  let log = (options.log ?? silentLog).child({ queue: 'memory' });
  const waiting = new Map<string, Entry[]>();
  const running = new Map<string, { job: ReviewJob; controller: AbortController }>();
  const latestHead = new Map<string, string>();
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const deadLetters = new Set<Promise<void>>();
  const idleWaiters: Array<() => void> = [];
  let handler: JobHandler | null = null;
  let onDeadLetter = options.onDeadLetter;
  let stopping = false;

  const busy = (): boolean =>
    waiting.size > 0 || running.size > 0 || timers.size > 0 || deadLetters.size > 0;
  const notifyIdle = (): void => {
    if (busy()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const push = (key: string, entry: Entry): void => {
    waiting.set(key, [...(waiting.get(key) ?? []), entry]);
  };

  const pump = (): void => {
    if (!handler || stopping) return;
    for (const [key, entries] of waiting) {
      if (running.size >= concurrency) return;
      if (running.has(key)) continue;
      const [next, ...rest] = entries;
      if (rest.length > 0) waiting.set(key, rest);
      else waiting.delete(key);
      if (next) run(key, next, handler);
    }
  };

  const deadLetter = (job: ReviewJob, error: unknown): void => {
    log.error({ deliveryId: job.deliveryId, err: error }, 'review job dead-lettered');
    const pending = (onDeadLetter?.(job, error) ?? Promise.resolve()).catch((failure: unknown) =>
      log.error({ deliveryId: job.deliveryId, err: failure }, 'onDeadLetter failed'),
    );
    deadLetters.add(pending);
    void pending.finally(() => {
      deadLetters.delete(pending);
      notifyIdle();
    });
  };

  const retryLater = (key: string, entry: Entry): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      // A newer head SHA arrived while this job waited: it is superseded, not retried.
      if (latestHead.get(key) === entry.job.headSha) push(key, entry);
      pump();
      notifyIdle();
    }, backoffMs(entry.attempt));
    timers.add(timer);
  };

  const run = (key: string, entry: Entry, handle: JobHandler): void => {
    const controller = new AbortController();
    running.set(key, { job: entry.job, controller });
    entry.attempt += 1;
    handle(entry.job, controller.signal)
      .catch((error: unknown) => {
        options.onError?.(entry.job, error, entry.attempt);
        if (controller.signal.aborted || stopping) return;
        if (entry.attempt >= maxAttempts) deadLetter(entry.job, error);
        else retryLater(key, entry);
      })
      .finally(() => {
        running.delete(key);
        pump();
        notifyIdle();
      });
  };

  /** False when the delivery is known; the oldest ids are forgotten first. */
  const remember = (deliveryId: string): boolean => {
    if (rememberDeliveries === 0) return true;
    if (seen.has(deliveryId)) return false;
    seen.add(deliveryId);
    const oldest = seen.size > rememberDeliveries ? seen.values().next().value : undefined;
    if (oldest !== undefined) seen.delete(oldest);
    return true;
  };

  return {
    enqueue(job) {
      if (!remember(job.deliveryId)) return Promise.resolve();
      const key = prKey(job);
      latestHead.set(key, job.headSha);
      const active = running.get(key);
      if (active && active.job.headSha !== job.headSha)
        active.controller.abort(new JobAborted('superseded', 'superseded by a newer push'));
      const current = (waiting.get(key) ?? []).filter((entry) => entry.job.headSha === job.headSha);
      waiting.set(key, [...current, { job, attempt: 0 }]);
      pump();
      return Promise.resolve();
    },
    start(handle, startOptions) {
      handler = handle;
      onDeadLetter = startOptions?.onDeadLetter ?? onDeadLetter;
      if (startOptions?.log) log = startOptions.log.child({ queue: 'memory' });
      pump();
    },
    depth: () => Promise.resolve([...waiting.values()].reduce((sum, list) => sum + list.length, 0)),
    idle: () =>
      busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve(),
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.clear();
      const drained = new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      });
      if (!(await settleWithin(drained, stopTimeoutMs)))
        for (const { controller } of running.values())
          controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
      notifyIdle();
    },
  };
};
