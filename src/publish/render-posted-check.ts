import { matchesAny } from '../classify/match-paths.js';
import { formatUsd } from '../domain/format-usd.js';
import type { CheckConclusion, CheckRunOutput } from '../github/types.js';
import type { TierAnswer } from '../review/tier-call.js';
import type { RepositoryLink } from './types.js';
import { sanitizeMarkdown } from './sanitize-markdown.js';

export interface PostedCheckInput {
  readonly result: TierAnswer;
  readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
  /** How many findings the review carries, inline or in its body. */
  readonly findings: number;
  /** The policy's ignore_paths: files it names never make the check neutral. */
  readonly ignorePaths: readonly string[];
  readonly repository: RepositoryLink | null;
  readonly url: string;
}

/**
 * The check run of a posted review: success, or neutral when files the policy does not ignore were
 * left out or the answer failed validation twice. Lockfiles and generated code never count.
 */
export const renderPostedCheck = (
  input: PostedCheckInput,
): { conclusion: CheckConclusion; output: CheckRunOutput } => {
  const { result, escalation, findings } = input;
  const leftOut = result.omitted.filter((file) => !matchesAny(file.path, input.ignorePaths));
  const conclusion: CheckConclusion =
    leftOut.length > 0 || result.invalidAnswer !== null ? 'neutral' : 'success';
  const total = result.costUsd + (escalation?.fastCostUsd ?? 0);
  // An escalation's reason is the model's text.
  const safe = (text: string) =>
    sanitizeMarkdown(text, { maxLength: 500, inline: true, repository: input.repository });
  return {
    conclusion,
    output: {
      title: `${result.choice.tier === 'deep' ? 'Deep' : 'Fast'} review posted: ${findings} ${findings === 1 ? 'finding' : 'findings'} (${formatUsd(total)})`,
      summary: [
        `**Why this model:** ${safe(result.choice.reason)}`,
        escalation ? `**Escalated:** ${safe(escalation.reason)}` : '',
        result.choice.budgetNote ? `**Budget:** ${result.choice.budgetNote}` : '',
        `**Model:** ${result.choice.model.provider} \`${result.choice.model.model}\` · **Cost:** ${formatUsd(total)}`,
        leftOut.length > 0
          ? `**Not reviewed:** ${leftOut.length} ${leftOut.length === 1 ? 'file' : 'files'} the policy does not ignore (see the review).`
          : '',
        result.invalidAnswer !== null
          ? `**The model's answer failed validation twice**: the review was posted without findings.`
          : '',
        `[Open the review](${input.url})`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
  };
};
