import type { Probot } from 'probot';
import type { FindingFeedback } from '../feedback/types.js';
import type { JobQueue } from '../queue/types.js';
import { toFeedbackJob } from './to-feedback-job.js';
import { toThreadSignal } from './to-thread-signal.js';

export interface FeedbackIntakeDeps {
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly feedback: Pick<FindingFeedback, 'noteSignal'>;
  readonly now: () => Date;
}

/**
 * The events the feedback on findings follows. A close or a reopen becomes a feedback job: the
 * worker reads the threads once, at close. A thread resolved or unresolved by a person is one
 * signal row (milliseconds, and a redelivery adds nothing): the outcome itself is decided at close
 * from the thread's state then, so the order these events arrive in does not matter.
 */
export const registerFeedbackIntake = (app: Probot, deps: FeedbackIntakeDeps): void => {
  app.on(['pull_request.closed', 'pull_request.reopened'], async (context) => {
    const job = toFeedbackJob(context.id, context.payload, deps.now());
    if (job === null) return;
    await deps.queue.enqueue(job);
    context.log.info({ deliveryId: job.deliveryId, pr: job.pr }, 'feedback job queued');
  });
  app.on(
    ['pull_request_review_thread.resolved', 'pull_request_review_thread.unresolved'],
    async (context) => {
      const signal = toThreadSignal(context.payload);
      if (signal === null) return;
      await deps.feedback.noteSignal({ ...signal, at: deps.now().toISOString() });
      context.log.info(
        { deliveryId: context.id, pr: signal.pr, signal: signal.signal },
        'finding signal kept',
      );
    },
  );
};
