import { isCommentable } from '../changes/commentable-lines.js';
import { afterPosting } from './after-posting.js';
import type { Finding } from '../domain/model-answer.js';
import type { CheckConclusion, CheckRunOutput } from '../github/types.js';
import type { TierAnswer } from '../review/tier-call.js';
import { suggestionMode } from './fit-finding.js';
import { placeFindings, type PlacedFindings } from './place-findings.js';
import { postPlacedReview } from './post-placed-review.js';
import { prepareFindings } from './prepare-findings.js';
import { rememberFeedback } from './remember-feedback.js';
import { rememberReview } from './remember-review.js';
import { renderBodyFinding, renderInlineComment } from './render-comment.js';
import { renderPostedCheck } from './render-posted-check.js';
import { renderReviewBody, reviewMarks } from './render-summary.js';
import { repositoryLinkOf } from './repository-link-of.js';
import type { PublishPorts, ReviewedChange } from './reviewed-change.js';

export interface PublishOptions {
  readonly result: TierAnswer;
  readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
  readonly notes: readonly string[];
  /** What this job spent before the posted answer (failed calls, an escalated fast review). */
  readonly spentBeforeUsd: number;
}

/** The review as posted, and what its check run should say: the finishing step reports it. */
export interface PublishResult {
  readonly id: number;
  readonly url: string;
  readonly conclusion: CheckConclusion;
  readonly output: CheckRunOutput;
}

/**
 * Posts the one review for this head SHA and remembers its findings, so no later push repeats
 * them. Secrets found before redaction are reported whatever the model answered.
 */
export const publishReview = async (
  change: ReviewedChange,
  options: PublishOptions,
  ports: PublishPorts,
): Promise<PublishResult> => {
  const { result } = options;
  const { policy, pullDiff } = change;
  // Links in the model's text may point into this repository only.
  const repository = repositoryLinkOf(change.pr.htmlUrl);
  // Inline comments sit on the pull request's diff; an incremental review's LEFT lines are the
  // previous head's, which that diff does not show, so those findings go to the body.
  const incremental = change.scope.kind === 'incremental';
  const prepared = await prepareFindings(
    change,
    [...change.secrets.findings, ...result.answer.findings],
    ports,
  );
  const placed = placeFindings({
    diff: pullDiff,
    findings: prepared.findings,
    minSeverity: policy.review.min_severity,
    maxComments: policy.review.max_comments,
    isCommentable: (file, side, line) =>
      !(incremental && side === 'LEFT') && isCommentable(file, side, line),
  });
  const files = new Map(pullDiff.files.map((file) => [file.path, file]));
  const inlineComment = (finding: Finding) =>
    renderInlineComment(finding, repository, {
      suggestion: suggestionMode(files.get(finding.path), finding),
      ...(prepared.fingerprints.has(finding)
        ? { fingerprint: prepared.fingerprints.get(finding) ?? '' }
        : {}),
    });
  const spentBefore = await ports.ledger.list({ repo: change.repo, pr: change.job.pr });
  const pullCost = {
    totalUsd:
      spentBefore.reduce((sum, row) => sum + row.costUsd, 0) +
      options.spentBeforeUsd +
      result.costUsd,
    reviews: spentBefore.filter((row) => row.outcome === 'posted').length + 1,
  };
  const notes = [...change.secrets.notes, ...options.notes];
  if (result.contextNote) notes.push(result.contextNote);
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
      classification: change.classification,
      answerSummary: result.invalidAnswer === null ? result.answer.summary : null,
      placed: p,
      omitted: [...result.omitted, ...change.leftOut],
      costUsd: result.costUsd,
      deepCostUsd: result.deepCostUsd,
      escalation: options.escalation,
      notes: extra,
      repository,
      scope: change.scope,
      changedFiles: change.diff.files.length + change.leftOut.length,
      suppressed: prepared.suppressed,
      pullCost,
    });
  const posted = await postPlacedReview(
    {
      headSha: change.job.headSha,
      placed,
      notes,
      body,
      inlineComment,
      marks: reviewMarks(result.choice.tier),
    },
    ports,
  );
  // A finding the body had no room for is counted there, not shown: it is not remembered as posted.
  const findings = [
    ...posted.placed.inline,
    ...posted.placed.inBody.filter((finding) =>
      posted.body.includes(renderBodyFinding(finding, repository)),
    ),
  ];
  const remembered = { ...posted, findings, fingerprints: prepared.fingerprints };
  const what = 'its findings and head (a later push may repeat them, or review more than changed)';
  await afterPosting(what, () => rememberReview(change, remembered, ports), {
    log: ports.log,
    fields: { reviewId: posted.id },
  });
  await rememberFeedback(change, remembered, { ...options, ports });
  const check = renderPostedCheck({
    result,
    escalation: options.escalation,
    findings: findings.length,
    ignorePaths: policy.review.ignore_paths,
    repository,
    url: posted.url,
  });
  return { id: posted.id, url: posted.url, ...check };
};
