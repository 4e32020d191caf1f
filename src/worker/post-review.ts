import { isCommentable } from '../changes/commentable-lines.js';
import type { CheckConclusion } from '../github/types.js';
import { httpStatus } from '../domain/http-status.js';
import { placeFindings, type PlacedFindings } from '../publish/place-findings.js';
import { renderInlineComment } from '../publish/render-comment.js';
import { renderReviewBody } from '../publish/render-summary.js';
import { formatUsd } from '../domain/format-usd.js';
import { matchesAny } from '../classify/match-paths.js';
import type { TierAnswer } from './call-tier.js';
import type { ReviewContext } from './review-context.js';

export interface PostOptions {
  readonly result: TierAnswer;
  readonly checkId: number;
  readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
  readonly notes: readonly string[];
}

/**
 * Posts the one review for this head SHA (event COMMENT, always) and completes the check run.
 * GitHub rejects a whole review for one bad inline comment (422): then every comment moves to the body.
 */
export const postReview = async (
  context: ReviewContext,
  options: PostOptions,
): Promise<{ url: string }> => {
  const { result } = options;
  const { policy } = context;
  const placed = placeFindings({
    diff: context.diff,
    findings: result.answer.findings,
    minSeverity: policy.review.min_severity,
    maxComments: policy.review.max_comments,
    isCommentable,
  });
  const notes = [...options.notes];
  if (result.invalidAnswer !== null) {
    notes.push(
      `The model's answer failed validation twice (${result.invalidAnswer.slice(0, 200)}), so this review has no findings.`,
    );
  }
  const body = (p: PlacedFindings, extra: readonly string[]) =>
    renderReviewBody({
      tier: result.choice.tier,
      provider: result.choice.model.provider,
      model: result.choice.model.model,
      reason: result.choice.reason,
      budgetNote: result.choice.budgetNote,
      classification: context.classification,
      answerSummary: result.invalidAnswer === null ? result.answer.summary : null,
      placed: p,
      omitted: result.omitted,
      costUsd: result.costUsd,
      deepCostUsd: result.deepCostUsd,
      escalation: options.escalation,
      notes: extra,
    });

  let posted: { url: string };
  try {
    posted = await context.gh.createReview(context.ref, {
      commitId: context.job.headSha,
      body: body(placed, notes),
      comments: placed.inline.map(renderInlineComment),
    });
  } catch (error) {
    if (httpStatus(error) !== 422 || placed.inline.length === 0) throw error;
    context.log.warn(
      { comments: placed.inline.length },
      'GitHub rejected the inline comments (422): posting them in the body',
    );
    const inBody: PlacedFindings = {
      ...placed,
      inline: [],
      inBody: [...placed.inline, ...placed.inBody],
    };
    posted = await context.gh.createReview(context.ref, {
      commitId: context.job.headSha,
      body: body(inBody, [
        ...notes,
        'GitHub did not accept these findings as inline comments, so they are listed here.',
      ]),
      comments: [],
    });
  }

  const leftOut = result.omitted.filter(
    (file) => !matchesAny(file.path, policy.review.ignore_paths),
  );
  const conclusion: CheckConclusion =
    leftOut.length > 0 || result.invalidAnswer !== null ? 'neutral' : 'success';
  const findings = placed.inline.length + placed.inBody.length;
  const total = result.costUsd + (options.escalation?.fastCostUsd ?? 0);
  await context.gh.completeCheckRun(context.ref, options.checkId, conclusion, {
    title: `${result.choice.tier === 'deep' ? 'Deep' : 'Fast'} review posted: ${findings} ${findings === 1 ? 'finding' : 'findings'} (${formatUsd(total)})`,
    summary: [
      `**Why this model:** ${result.choice.reason}`,
      options.escalation ? `**Escalated:** ${options.escalation.reason}` : '',
      result.choice.budgetNote ? `**Budget:** ${result.choice.budgetNote}` : '',
      `**Model:** ${result.choice.model.provider} \`${result.choice.model.model}\` · **Cost:** ${formatUsd(total)}`,
      leftOut.length > 0
        ? `**Not reviewed:** ${leftOut.length} ${leftOut.length === 1 ? 'file' : 'files'} the policy does not ignore (see the review).`
        : '',
      result.invalidAnswer !== null
        ? `**The model's answer failed validation twice**: the review was posted without findings.`
        : '',
      `[Open the review](${posted.url})`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  return posted;
};
