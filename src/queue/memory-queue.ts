import type { ReviewJob } from '../domain/review-job.js';
import type { JobHandler, JobQueue } from './types.js';

export interface MemoryQueueOptions {
  /** How many pull requests are reviewed at once. */
  readonly concurrency?: number;
  /** Attempts per job when the handler throws (a retryable failure). */
  readonly maxAttempts?: number;
  readonly backoffMs?: (attempt: number) => number;
  readonly onError?: (job: ReviewJob, error: unknown, attempt: number) => void;
}

interface Entry {
  readonly job: ReviewJob;
  attempt: number;
}

const prKey = (job: ReviewJob): string => `${job.owner}/${job.repo}#${job.pr}`;

/**
 * An in-process queue: one job per pull request at a time; a newer head SHA replaces the queued job
 * and aborts the running one for the same pull request. Not durable: a restart loses queued jobs.
 */
export const createMemoryQueue = (options: MemoryQueueOptions = {}): JobQueue => {
  const concurrency = options.concurrency ?? 2;
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? ((attempt: number) => 1_000 * 2 ** (attempt - 1));
  const waiting = new Map<string, Entry>();
  const running = new Map<string, { job: ReviewJob; controller: AbortController }>();
  const timers = new Set<NodeJS.Timeout>();
  const idleWaiters: Array<() => void> = [];
  let handler: JobHandler | null = null;
  let stopping = false;

  const busy = (): boolean => waiting.size > 0 || running.size > 0 || timers.size > 0;
  const notifyIdle = (): void => {
    if (busy()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const pump = (): void => {
    if (!handler || stopping) return;
    for (const [key, entry] of waiting) {
      if (running.size >= concurrency) return;
      if (running.has(key)) continue;
      waiting.delete(key);
      run(key, entry, handler);
    }
  };

  const run = (key: string, entry: Entry, handle: JobHandler): void => {
    const controller = new AbortController();
    running.set(key, { job: entry.job, controller });
    entry.attempt += 1;
    handle(entry.job, controller.signal)
      .catch((error: unknown) => {
        options.onError?.(entry.job, error, entry.attempt);
        if (entry.attempt >= maxAttempts || controller.signal.aborted || stopping) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!waiting.has(key)) waiting.set(key, entry);
          pump();
          notifyIdle();
        }, backoffMs(entry.attempt));
        timers.add(timer);
      })
      .finally(() => {
        running.delete(key);
        pump();
        notifyIdle();
      });
  };

  return {
    enqueue(job) {
      const key = prKey(job);
      const active = running.get(key);
      if (active && active.job.headSha !== job.headSha)
        active.controller.abort(new Error('superseded by a newer push'));
      waiting.set(key, { job, attempt: 0 });
      pump();
      return Promise.resolve();
    },
    start(handle) {
      handler = handle;
      pump();
    },
    depth: () => Promise.resolve(waiting.size),
    idle: () =>
      busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve(),
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.clear();
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      notifyIdle();
    },
  };
};
