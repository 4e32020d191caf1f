import type { ReviewJob } from '../domain/review-job.js';
import { BATCH_RESERVATION_TTL_MS, pollJobUnder } from './batch-types.js';
import type { WorkerDeps } from './types.js';

/**
 * A poll of a waiting batch that failed its last attempt (GitHub down for a few minutes, say) is
 * queued again with the next, longer delay, rather than dead-lettered: the batch is billed when it
 * ends, and only a poll records what it cost and posts its answer. Within the batch's 24 hours
 * (and its reservation's margin) only; after that, or for a batch no longer waiting, false: the
 * job is dead-lettered as any other.
 */
export const rearmBatchPoll = async (job: ReviewJob, deps: WorkerDeps): Promise<boolean> => {
  const { batches } = deps;
  const poll = job.batchPoll;
  if (poll === undefined || batches === undefined) return false;
  const pending = await deps.ledger.getPendingBatch(poll.pendingId);
  if (pending?.state !== 'submitted') return false;
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (age > BATCH_RESERVATION_TTL_MS) return false;
  const next = poll.poll + 1;
  await batches.schedule(
    pollJobUnder(job.headSha, job, pending.id, next),
    batches.pollDelayMs(next),
  );
  return true;
};
