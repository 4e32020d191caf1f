import type { Probot } from 'probot';
import type { HistoryIndex } from '../ledger/history-index.js';
import { toHistoryCommits, type PushEventPayload } from './to-history-commits.js';

/**
 * Pushes to the default branch feed the history index that history-aware risk reads, so a review
 * costs no extra GitHub call: one transaction of multi-row inserts, no GitHub or model call.
 * Pushes to other branches are ignored.
 */
export const registerHistoryIntake = (
  app: Probot,
  history: Pick<HistoryIndex, 'recordHistory'>,
): void => {
  app.on('push', async (context) => {
    const push = toHistoryCommits(context.payload as PushEventPayload);
    if (push === null) return;
    const rows = await history.recordHistory(push.repo, push.commits);
    context.log.info(
      { deliveryId: context.id, repo: push.repo, commits: push.commits.length, rows },
      'history index updated',
    );
  });
};
