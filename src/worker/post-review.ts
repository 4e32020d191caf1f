import { isCommentable } from '../changes/commentable-lines.js';
import type { CheckConclusion } from '../github/types.js';
import { httpStatus } from '../domain/http-status.js';
import { splitRejected } from './split-rejected.js';
import { placeFindings, type PlacedFindings } from '../publish/place-findings.js';
import { suggestionMode } from '../publish/fit-finding.js';
import { renderInlineComment } from '../publish/render-comment.js';
import { renderReviewBody } from '../publish/render-summary.js';
import { repositoryLinkOf } from '../publish/repository-link-of.js';
import { sanitizeMarkdown } from '../publish/sanitize-markdown.js';
import { formatUsd } from '../domain/format-usd.js';
import { matchesAny } from '../classify/match-paths.js';
import type { Finding } from '../domain/model-answer.js';
import type { TierAnswer } from './call-tier.js';
import { prepareFindings } from './prepare-findings.js';
import { rememberReview } from './remember-review.js';
import type { ReviewContext } from './review-context.js';

export interface PostOptions {
  readonly result: TierAnswer;
  readonly checkId: number;
  readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
  readonly notes: readonly string[];
}

/**
 * Posts the one review for this head SHA (event COMMENT, always) and completes the check run.
 * GitHub rejects a whole review for one bad inline comment (422): then the comments it will not
 * place move to the body, found with pending-review probes, and the review posts again.
 */
export const postReview = async (
  context: ReviewContext,
  options: PostOptions,
): Promise<{ id: number; url: string }> => {
  const { result } = options;
  const { policy } = context;
  // Links in the model's text may point into this repository only.
  const repository = repositoryLinkOf(context.pr.htmlUrl);
  // Inline comments sit on the pull request's diff; an incremental review's LEFT lines are the
  // previous head's, which that diff does not show, so those findings go to the body.
  const pullDiff = context.pullDiff ?? context.diff;
  const incremental = context.scope?.kind === 'incremental';
  // Secrets found before redaction are reported whatever the model answered; nothing is repeated.
  const prepared = await prepareFindings(context, [
    ...context.secrets.findings,
    ...result.answer.findings,
  ]);
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
  const omitted = [...result.omitted, ...(context.leftOut ?? [])];
  const spentBefore = await context.deps.ledger.list({ repo: context.repo, pr: context.job.pr });
  const pullCost = {
    totalUsd: spentBefore.reduce((sum, row) => sum + row.costUsd, 0) + result.costUsd,
    reviews: spentBefore.filter((row) => row.outcome === 'posted').length + 1,
  };
  const notes = [...context.secrets.notes, ...options.notes];
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
      omitted,
      costUsd: result.costUsd,
      deepCostUsd: result.deepCostUsd,
      escalation: options.escalation,
      notes: extra,
      repository,
      ...(context.scope ? { scope: context.scope } : {}),
      changedFiles: context.diff.files.length + (context.leftOut?.length ?? 0),
      suppressed: prepared.suppressed,
      pullCost,
    });

  let posted: { id: number; url: string };
  try {
    posted = await context.gh.createReview(context.ref, {
      commitId: context.job.headSha,
      body: body(placed, notes),
      comments: placed.inline.map(inlineComment),
    });
  } catch (error) {
    if (httpStatus(error) !== 422 || placed.inline.length === 0) throw error;
    // Find the comments GitHub will not place, move only those to the body, and post again.
    const { accepted, rejected } = await splitRejected(placed.inline, (subset) =>
      context.gh.acceptsComments(context.ref, context.job.headSha, subset.map(inlineComment)),
    );
    context.log.warn(
      { comments: placed.inline.length, rejected: rejected.length },
      'GitHub rejected inline comments (422): posting those in the body',
    );
    const moved: PlacedFindings = {
      ...placed,
      inline: accepted,
      inBody: [...rejected, ...placed.inBody],
    };
    const note = `GitHub did not accept ${rejected.length === 1 ? 'one finding' : `${rejected.length} findings`} as inline comments, so ${rejected.length === 1 ? 'it is' : 'they are'} listed here.`;
    try {
      posted = await context.gh.createReview(context.ref, {
        commitId: context.job.headSha,
        body: body(moved, [...notes, note]),
        comments: accepted.map(inlineComment),
      });
    } catch (retryError) {
      if (httpStatus(retryError) !== 422) throw retryError;
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
  }

  await rememberReview(context, {
    ...posted,
    findings: [...placed.inline, ...placed.inBody],
    fingerprints: prepared.fingerprints,
  });

  // Lockfiles and generated code (context.leftOut) never make the check neutral.
  const leftOut = result.omitted.filter(
    (file) => !matchesAny(file.path, policy.review.ignore_paths),
  );
  const conclusion: CheckConclusion =
    leftOut.length > 0 || result.invalidAnswer !== null ? 'neutral' : 'success';
  const findings = placed.inline.length + placed.inBody.length;
  const total = result.costUsd + (options.escalation?.fastCostUsd ?? 0);
  // An escalation's reason is the model's text.
  const safe = (text: string) =>
    sanitizeMarkdown(text, { maxLength: 500, inline: true, repository });
  await context.gh.completeCheckRun(context.ref, options.checkId, conclusion, {
    title: `${result.choice.tier === 'deep' ? 'Deep' : 'Fast'} review posted: ${findings} ${findings === 1 ? 'finding' : 'findings'} (${formatUsd(total)})`,
    summary: [
      `**Why this model:** ${safe(result.choice.reason)}`,
      options.escalation ? `**Escalated:** ${safe(options.escalation.reason)}` : '',
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
