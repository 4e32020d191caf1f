/**
 * What one BullMQ worker does with one job: end it as superseded when a newer head SHA was
 * pushed, wait its turn when another job holds the pull request's lock, run the handler while
 * renewing that lock and watching for newer pushes, and decide what its end means: done,
 * superseded, handed back (shutdown, lost lock), retried, or dead-lettered.
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { errorMessage } from '../../domain/errors.js';
import type { Log } from '../../domain/log.js';
import type { QueuePhase } from '../job-lifecycle.js';
import type { ReviewJob } from '../../domain/review-job.js';
import { abortCause, JobAborted, supersededBy } from '../job-aborted.js';
import { followsHead, prKey } from '../pr-key.js';
import type { RedisPrCoordinator } from './redis-pr-coordinator.js';
import { parseStoredJob } from '../schema.js';
import type { JobHandler, RetryOptions } from '../types.js';

export interface BullmqJobData {
  readonly job: ReviewJob;
  /**
   * The delivery's sequence number, in jobs stored by earlier versions; it is now given in the
   * same transaction as the job (see add-review-job) and read from Redis when the job runs.
   */
  readonly seq?: number;
}
export type BullmqJobResult = 'done' | 'superseded';

export interface RunningJob {
  readonly job: ReviewJob;
  readonly seq: number;
  readonly controller: AbortController;
}

export interface BullmqProcessorOptions {
  readonly coordinator: RedisPrCoordinator;
  /** Jobs this replica is running, by BullMQ job id; the queue aborts them on a newer push. */
  readonly running: Map<string, RunningJob>;
  readonly phase: () => QueuePhase;
  readonly maxAttempts: number;
  readonly lockMs: number;
  readonly watchMs: number;
  readonly contentionDelayMs: number;
  readonly deadLetter: (job: ReviewJob, error: unknown) => Promise<void>;
  readonly onError?: RetryOptions['onError'];
  /** Read per job: the app may hand the queue its logger when it starts. */
  readonly log: () => Log;
}

/** What a dead replica's job does: nothing, ever. */
const never = () => new Promise<never>(() => undefined);

export const createBullmqProcessor = (options: BullmqProcessorOptions) => {
  const { coordinator, running, maxAttempts, lockMs } = options;
  const jobLog = (job: ReviewJob): Log =>
    options.log().child({ deliveryId: job.deliveryId, pr: prKey(job), headSha: job.headSha });

  const newerHead = async (job: ReviewJob, seq: number): Promise<string | null> => {
    if (!followsHead(job)) return null;
    const latest = await coordinator.latest(prKey(job));
    return latest && latest.seq > seq && latest.headSha !== job.headSha ? latest.headSha : null;
  };

  /** Back to delayed without spending an attempt; BullMQ takes the DelayedError as "moved". */
  const handBack = async (
    bullJob: Job<BullmqJobData, BullmqJobResult>,
    token: string | undefined,
    ms: number,
  ): Promise<never> => {
    await bullJob.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  };

  const watch = async (entry: RunningJob, lockToken: string): Promise<void> => {
    if (entry.controller.signal.aborted) return;
    try {
      if (!(await coordinator.renew(prKey(entry.job), lockToken, lockMs)))
        return entry.controller.abort(
          new JobAborted('lease-lost', "this job's pull-request lock expired"),
        );
      const newer = await newerHead(entry.job, entry.seq);
      if (newer !== null) entry.controller.abort(supersededBy(newer));
    } catch (error) {
      jobLog(entry.job).warn({ err: error }, 'cannot renew the pull-request lock');
    }
  };

  const runLocked = async (
    bullJob: Job<BullmqJobData, BullmqJobResult>,
    token: string | undefined,
    entry: RunningJob,
    handle: JobHandler,
  ): Promise<BullmqJobResult> => {
    const { job, seq, controller } = entry;
    if ((await newerHead(job, seq)) !== null) return 'superseded';
    let failure: { error: unknown } | null = null;
    try {
      await handle(job, controller.signal);
    } catch (error) {
      failure = { error };
    }
    const cause = abortCause(controller.signal);
    if (cause === 'abandoned') return never();
    if (cause === 'shutdown' || cause === 'lease-lost') return handBack(bullJob, token, 0);
    if (cause === 'superseded') return 'superseded';
    if (!failure) return 'done';
    const attempt = bullJob.attemptsMade + 1;
    options.onError?.(job, failure.error, attempt);
    jobLog(job).warn({ attempt, maxAttempts, err: failure.error }, 'review job failed');
    if (attempt >= maxAttempts) await options.deadLetter(job, failure.error);
    throw failure.error;
  };

  return async (
    bullJob: Job<BullmqJobData, BullmqJobResult>,
    token: string | undefined,
    handle: JobHandler,
  ): Promise<BullmqJobResult> => {
    let job: ReviewJob;
    try {
      job = parseStoredJob(bullJob.data.job, `BullMQ job ${bullJob.id ?? '?'}`);
    } catch (error) {
      throw new UnrecoverableError(errorMessage(error));
    }
    const key = prKey(job);
    if (options.phase() !== 'open') return handBack(bullJob, token, 0);
    // A delivery forgotten (7 days on) counts as the oldest: any newer push supersedes it.
    const seq = bullJob.data.seq ?? (await coordinator.sequenceOf(job.deliveryId)) ?? 0;
    if ((await newerHead(job, seq)) !== null) return 'superseded';
    if (bullJob.stalledCounter >= maxAttempts) {
      const message = `the replica running this review stopped before it finished, ${bullJob.stalledCounter} times. To resolve, look for crashes or out-of-memory kills in the logs around the job's delivery id.`;
      await options.deadLetter(job, new Error(message));
      throw new UnrecoverableError(message);
    }
    const lockToken = randomUUID();
    if (!(await coordinator.lock(key, lockToken, lockMs)))
      return handBack(bullJob, token, options.contentionDelayMs * (0.5 + Math.random()));
    const id = bullJob.id ?? lockToken;
    const entry: RunningJob = { job, seq, controller: new AbortController() };
    running.set(id, entry);
    const timer = setInterval(() => void watch(entry, lockToken), options.watchMs);
    try {
      return await runLocked(bullJob, token, entry, handle);
    } finally {
      clearInterval(timer);
      running.delete(id);
      if (options.phase() !== 'closed')
        await coordinator
          .unlock(key, lockToken)
          .catch((error: unknown) => jobLog(job).warn({ err: error }, 'cannot release the lock'));
    }
  };
};
