/**
 * What every queue adapter does the same way around its jobs: a log tagged per job, dead letters
 * (logged, handed to onDeadLetter once, awaited by idle() and stop()), waiters for idle(), and a
 * stop that runs once: drain (the adapter's bounded wait for its running jobs), then the dead
 * letters still being reported, then close.
 */
import { silentLog, type Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { prKey } from './pr-key.js';
import { settleWithin } from './settle-within.js';
import type { DeadLetterHandler, StartOptions } from './types.js';

export type QueuePhase = 'open' | 'stopping' | 'closed';

export interface JobLifecycleOptions {
  /** Tags every log line: `{ queue: 'sqlite' }`. */
  readonly tags: Readonly<Record<string, string>>;
  readonly log?: Log | undefined;
  readonly onDeadLetter?: DeadLetterHandler | undefined;
  /** How long stop() waits for dead letters still being reported. */
  readonly stopTimeoutMs: number;
  /** Whether the adapter has jobs queued or running (dead letters are counted here). */
  readonly busy: () => boolean | Promise<boolean>;
  /** How often idle() asks busy() again unprompted, for jobs that end in another process. */
  readonly idlePollMs?: number;
}

export interface StopSteps {
  /** Waits for the running jobs within the adapter's bound, then hands back the rest. */
  readonly drain: () => Promise<void>;
  /** Releases the storage; nothing is read or written after it. */
  readonly close: () => Promise<void> | void;
}

export interface JobLifecycle {
  readonly phase: () => QueuePhase;
  readonly log: () => Log;
  readonly jobLog: (job: ReviewJob) => Log;
  /** Takes the onDeadLetter and log handed to start(). */
  readonly configure: (options?: StartOptions) => void;
  readonly deadLetter: (job: ReviewJob, error: unknown) => Promise<void>;
  /** A job ended or the storage changed: idle() waiters look again. */
  readonly notify: () => void;
  readonly idle: () => Promise<void>;
  /** Throws, saying what to do, once the queue no longer takes jobs. */
  readonly assertOpen: () => void;
  readonly stop: (steps: StopSteps) => Promise<void>;
  /** Closed at once, as in a crash; false when it already was. */
  readonly abandon: () => boolean;
}

export const createJobLifecycle = (options: JobLifecycleOptions): JobLifecycle => {
  let log = (options.log ?? silentLog).child(options.tags);
  let onDeadLetter = options.onDeadLetter;
  let phase: QueuePhase = 'open';
  let stopping: Promise<void> | null = null;
  const deadLetters = new Set<Promise<void>>();
  const waiters = new Set<() => void>();

  const jobLog = (job: ReviewJob): Log =>
    log.child({ deliveryId: job.deliveryId, pr: prKey(job), headSha: job.headSha });
  const notify = (): void => {
    const woken = [...waiters];
    waiters.clear();
    for (const wake of woken) wake();
  };
  const busy = (): boolean | Promise<boolean> =>
    phase !== 'closed' && (deadLetters.size > 0 || options.busy());

  return {
    phase: () => phase,
    log: () => log,
    jobLog,
    configure(startOptions) {
      onDeadLetter = startOptions?.onDeadLetter ?? onDeadLetter;
      if (startOptions?.log) log = startOptions.log.child(options.tags);
    },
    deadLetter(job, error) {
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
        notify();
      });
      return pending;
    },
    notify,
    async idle() {
      for (;;) {
        // Waiting before looking: a notify() between the two is never lost.
        let wake!: () => void;
        const woken = new Promise<void>((resolve) => (wake = resolve));
        waiters.add(wake);
        const timer = options.idlePollMs ? setTimeout(wake, options.idlePollMs) : undefined;
        if (!(await busy())) {
          clearTimeout(timer);
          waiters.delete(wake);
          return;
        }
        await woken;
        clearTimeout(timer);
      }
    },
    assertOpen() {
      if (phase === 'closed')
        throw new Error(
          'the review queue is stopped and cannot take jobs. To resolve, stop the HTTP server before the queue.',
        );
    },
    stop(steps) {
      stopping ??= (async () => {
        if (phase === 'closed') return;
        phase = 'stopping';
        await steps.drain();
        await settleWithin(Promise.all(deadLetters), options.stopTimeoutMs);
        phase = 'closed';
        await steps.close();
        notify();
      })();
      return stopping;
    },
    abandon() {
      if (phase === 'closed') return false;
      phase = 'closed';
      notify();
      return true;
    },
  };
};
