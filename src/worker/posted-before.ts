/**
 * An attempt that took over a stopped one's claim found the review that one posted: the job ends
 * without asking a model. Its cost is in the ledger if the stopped attempt wrote its rows before
 * it stopped; if not (it stopped between posting and recording), a row priced at the estimate
 * its budget held stands for it, so the spend is not lost.
 */
import type { Classification } from '../domain/classification.js';
import type { ReviewKey } from '../ledger/types.js';
import type { TierChoice } from '../review/tier-call.js';
import { endedWith, type JobOutcome } from './job-outcome.js';
import type { JobRun } from './open-job.js';
import { estimatedRow, type BudgetEstimate } from './review-holdings.js';
import type { WorkerDeps } from './types.js';

export interface PostedBefore {
  readonly review: { readonly url: string };
  readonly checkId: number;
  readonly key: ReviewKey;
  readonly choice: TierChoice;
  readonly estimate: BudgetEstimate;
  readonly reservationId: string | null;
  readonly classification: Classification;
}

export const postedBefore = async (
  run: JobRun,
  found: PostedBefore,
  deps: Pick<WorkerDeps, 'ledger'>,
): Promise<JobOutcome> => {
  const { key, choice } = found;
  const rows = await deps.ledger.list({ repo: key.repo, pr: key.pr });
  const recorded = rows.some(
    (row) => row.headSha === key.headSha && row.tier === key.tier && row.outcome === 'posted',
  );
  run.log.info(
    { review: found.review.url, recorded },
    'the attempt that stopped had posted this review',
  );
  return endedWith({
    classification: found.classification,
    attempts: recorded
      ? []
      : [
          estimatedRow(
            choice,
            found.estimate,
            'posted',
            'posted by an attempt that stopped before recording it: cost estimated as the budget held it, tokens unknown',
          ),
        ],
    claims: [key],
    settleAs: 'posted',
    reservationId: found.reservationId,
    check: {
      id: found.checkId,
      conclusion: 'success',
      output: {
        title: `Reviewed on the ${choice.tier} tier`,
        summary: `[The review](${found.review.url}) was posted before the process writing it stopped; it was not asked for again.`,
      },
    },
  });
};
