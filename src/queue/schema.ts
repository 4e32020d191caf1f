/**
 * Jobs read back from storage (SQLite rows, Redis job data) are checked before a handler sees
 * them: a row written by another version of the app fails here with a message, not deep inside
 * the worker.
 */
import { z } from 'zod';
import { TRIGGERS, type ReviewJob } from '../domain/review-job.js';

export const StoredReviewJob = z.object({
  deliveryId: z.string().min(1),
  installationId: z.number().int(),
  owner: z.string().min(1),
  repo: z.string().min(1),
  pr: z.number().int().positive(),
  headSha: z.string().min(1),
  trigger: z.enum(TRIGGERS),
  forcedTier: z.enum(['skip', 'fast', 'deep']).nullable(),
  receivedAt: z.string(),
  label: z.string().optional(),
  command: z
    .object({
      name: z.enum(['review', 'review-deep', 'review-fast', 'review-skip', 'cost', 'help']),
      commentId: z.number().int(),
      author: z.string().min(1),
    })
    .optional(),
  batchPoll: z
    .object({ pendingId: z.string().min(1), poll: z.number().int().positive() })
    .optional(),
}) satisfies z.ZodType<ReviewJob>;

/** Checks a stored value is a ReviewJob, or throws naming the job and what is wrong with it. */
export const parseStoredJob = (value: unknown, where: string): ReviewJob => {
  const parsed = StoredReviewJob.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `the stored review job ${where} is not a ReviewJob (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}). To resolve, delete it from the queue and redeliver its webhook from the app's settings page.`,
    );
  return parsed.data;
};
