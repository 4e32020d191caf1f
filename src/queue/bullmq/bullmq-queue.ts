/**
 * The scale-out queue: BullMQ on Redis, shared by every replica. BullMQ OSS has no per-group
 * concurrency, so per-pull-request serialisation and supersession are ours (redis-pr-coordinator):
 *
 * - Each delivery gets a sequence number; enqueue records (newest sequence, head SHA) per pull
 *   request after adding the job. A job that finds a newer sequence with a different head SHA
 *   ends at once as superseded; a running job polls that record (every `pollMs`) and, on the
 *   replica that took the newer push, is aborted at once.
 * - A job runs only while it holds its pull request's lock (`SET NX PX lockMs`, renewed while it
 *   runs, compare-and-delete on release). A job that finds the lock taken goes back to delayed
 *   (`moveToDelayed` + `DelayedError`, which spends no attempt) and tries again shortly.
 * - Idempotency: the BullMQ job id is the delivery id, and BullMQ ignores a duplicate job id while
 *   the job is kept (7 days). The ledger's claim on (repo, PR, head SHA, tier) covers the rest.
 * - Retries: BullMQ `attempts` and our backoff; the last failure is dead-lettered by the replica
 *   that saw it, before the job moves to failed. A replica that dies mid-job loses its locks;
 *   BullMQ's stalled check hands the job to another replica, and a job that stalls
 *   `maxAttempts` times is dead-lettered instead of run again.
 */
import { Queue, Worker } from 'bullmq';
import { ConfigError, errorMessage } from '../../domain/errors.js';
import type { Log } from '../../domain/log.js';
import { addReviewJob } from './add-review-job.js';
import {
  createBullmqProcessor,
  type BullmqJobData,
  type BullmqJobResult,
  type RunningJob,
} from './bullmq-processor.js';
import { connectIORedis, redactRedisUrl, type ConnectRedis } from './connect-ioredis.js';
import { JOB_RETRY_BACKOFF } from '../exponential-backoff.js';
import { JobAborted, supersededBy } from '../job-aborted.js';
import { createJobLifecycle } from '../job-lifecycle.js';
import { prKey, supersedes } from '../pr-key.js';
import { openEnqueueClient } from './open-enqueue-client.js';
import { createRedisPrCoordinator } from './redis-pr-coordinator.js';
import { settleWithin } from '../settle-within.js';
import type { DurableJobQueue, RetryOptions } from '../types.js';

export { jobIdFor } from './add-review-job.js';

export interface BullmqQueueOptions extends RetryOptions {
  /** REDIS_URL. */
  readonly connection: string;
  readonly queueName?: string;
  /** BullMQ's key prefix. On Redis Cluster, wrap it in braces: `{review-router}`. */
  readonly prefix?: string;
  /** How many pull requests this replica reviews at once. */
  readonly concurrency?: number;
  /** How long a job's locks live unrenewed: a dead replica's job moves on after about twice this. */
  readonly lockMs?: number;
  /** How often a running job looks for a newer push enqueued on another replica. */
  readonly pollMs?: number;
  /** How long a job whose pull request is busy waits before it tries again. */
  readonly contentionDelayMs?: number;
  /** How long stop() waits for running jobs before it aborts them and hands them back. */
  readonly stopTimeoutMs?: number;
  /** How long to wait for Redis at start-up before giving up with an error. */
  readonly connectTimeoutMs?: number;
  /** The role cannot run without Redis (web, worker): its error offers no embedded queue. */
  readonly required?: boolean;
  /** Builds the Redis client; the default uses ioredis. */
  readonly connect?: ConnectRedis;
  readonly log?: Log;
}

const DAY_S = 24 * 60 * 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const sum = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((total, count) => total + count, 0);

export const createBullmqQueue = async (options: BullmqQueueOptions): Promise<DurableJobQueue> => {
  const queueName = options.queueName ?? 'reviews';
  const prefix = options.prefix ?? 'review-router';
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? JOB_RETRY_BACKOFF;
  const lockMs = options.lockMs ?? 30_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 25_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;

  const running = new Map<string, RunningJob>();
  let worker: Worker<BullmqJobData, BullmqJobResult> | null = null;
  const redis = await (options.connect ?? connectIORedis)(options.connection);
  const queue = new Queue<BullmqJobData, BullmqJobResult>(queueName, {
    connection: redis.connection,
    prefix,
    defaultJobOptions: {
      attempts: maxAttempts,
      backoff: { type: 'review-router' },
      removeOnComplete: { age: 7 * DAY_S, count: 100_000 },
      removeOnFail: { age: 30 * DAY_S },
    },
  });
  const lifecycle = createJobLifecycle({
    tags: { queue: 'bullmq', queueName },
    log: options.log,
    onDeadLetter: options.onDeadLetter,
    stopTimeoutMs,
    // Jobs end on other replicas too: idle() asks Redis again every 25 ms.
    idlePollMs: 25,
    busy: async () =>
      running.size > 0 ||
      sum(
        await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children'),
      ) > 0,
  });
  queue.on('error', (error: Error) => lifecycle.log().error({ err: error }, 'BullMQ queue error'));
  const unreachable = await Promise.race([
    queue.waitUntilReady().then(
      () => null,
      (error: unknown) => errorMessage(error),
    ),
    sleep(connectTimeoutMs).then(() => `no answer in ${connectTimeoutMs} ms`),
  ]);
  if (unreachable !== null) {
    await settleWithin(queue.close(), 1_000);
    await redis.close();
    throw new ConfigError(
      `cannot reach Redis at ${redactRedisUrl(options.connection)}: ${unreachable}. To resolve, check REDIS_URL and that Redis is up${options.required === true ? '' : ', or unset REDIS_URL to use the embedded queue'}.`,
      { variable: 'REDIS_URL' },
    );
  }
  const client = await queue.getBackend().client;
  const enqueueClient = openEnqueueClient(client);
  enqueueClient?.on('error', (error: Error) =>
    lifecycle.log().error({ err: error }, 'Redis error on the enqueue connection'),
  );
  const coordinator = createRedisPrCoordinator(
    client,
    `${prefix}:${queueName}`,
    enqueueClient ?? client,
  );

  const processJob = createBullmqProcessor({
    coordinator,
    running,
    phase: lifecycle.phase,
    maxAttempts,
    lockMs,
    watchMs: Math.max(10, Math.min(options.pollMs ?? 1_000, Math.floor(lockMs / 3))),
    contentionDelayMs: options.contentionDelayMs ?? 1_000,
    deadLetter: lifecycle.deadLetter,
    ...(options.onError ? { onError: options.onError } : {}),
    log: lifecycle.log,
  });

  /** Lets BullMQ finish the running jobs within stopTimeoutMs, then aborts them: they go back. */
  const drain = async (): Promise<void> => {
    if (!worker) return;
    const closing = worker.close();
    if (await settleWithin(closing, stopTimeoutMs)) return;
    for (const entry of running.values())
      entry.controller.abort(new JobAborted('shutdown', 'the queue is shutting down'));
    if (!(await settleWithin(closing, stopTimeoutMs)))
      lifecycle
        .log()
        .warn(
          { jobs: running.size },
          'review jobs ignored the shutdown: their locks will expire and another replica takes them',
        );
  };
  const close = async (): Promise<void> => {
    await queue.close();
    if (enqueueClient && !(await settleWithin(enqueueClient.quit(), 2_000)))
      enqueueClient.disconnect();
    await redis.close();
  };

  return {
    async enqueue(job, enqueueOptions) {
      lifecycle.assertOpen();
      const seq = await addReviewJob(
        { queue, client: enqueueClient ?? client, coordinator },
        job,
        enqueueOptions?.delayMs ?? 0,
      );
      const key = prKey(job);
      for (const entry of running.values())
        if (prKey(entry.job) === key && entry.seq < seq && supersedes(job, entry.job))
          entry.controller.abort(supersededBy(job.headSha));
    },
    start(handle, startOptions) {
      if (worker || lifecycle.phase() !== 'open') return;
      lifecycle.configure(startOptions);
      worker = new Worker<BullmqJobData, BullmqJobResult>(
        queueName,
        (bullJob, token) => processJob(bullJob, token, handle),
        {
          connection: redis.connection,
          prefix,
          concurrency: options.concurrency ?? 2,
          lockDuration: lockMs,
          stalledInterval: lockMs,
          // Above maxAttempts, so the processor sees the last stall and dead-letters the job.
          maxStalledCount: maxAttempts + 1,
          settings: { backoffStrategy: (attempt: number) => backoffMs(attempt) },
        },
      );
      worker.on('error', (error) => lifecycle.log().error({ err: error }, 'BullMQ worker error'));
    },
    async depth() {
      return sum(await queue.getJobCounts('waiting', 'delayed', 'prioritized'));
    },
    idle: () => lifecycle.idle(),
    stop: () => lifecycle.stop({ drain, close }),
    async abandon() {
      if (!lifecycle.abandon()) return;
      for (const entry of running.values())
        entry.controller.abort(new JobAborted('abandoned', 'the queue was abandoned'));
      await worker?.close(true);
      await close();
    },
  };
};
