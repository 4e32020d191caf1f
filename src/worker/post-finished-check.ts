import type { CheckConclusion, CheckRunOutput, GitHubPort, RepoRef } from '../github/types.js';

/**
 * A check run for a job that ends without a model call (skipped, invalid policy, dead letter):
 * created in progress with the same text, then completed with the conclusion.
 */
export const postFinishedCheck = async (
  gh: Pick<GitHubPort, 'createCheckRun' | 'completeCheckRun'>,
  target: { readonly ref: RepoRef; readonly headSha: string },
  conclusion: CheckConclusion,
  output: CheckRunOutput,
): Promise<void> => {
  const checkId = await gh.createCheckRun(target.ref, target.headSha, output);
  await gh.completeCheckRun(target.ref, checkId, conclusion, output);
};
