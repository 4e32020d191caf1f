import { readCommitWithHistory } from '../calibrate/read-commit-with-history.js';
import { ambiguousCommit } from '../calibrate/resolve-commit-rev.js';
import { shallowEdgeMessage } from '../calibrate/shallow-edge.js';
import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import type { Policy } from '../domain/policy.js';
import type { PriceTable } from '../ledger/price-table.js';
import { classifyChange } from '../classify/classify-change.js';
import { deepestLevel } from '../review/context-level.js';
import { leaveOutGenerated } from '../worker/leave-out-generated.js';
import { resolveCommit } from './build-commit-prompt.js';
import { classifyPatch, type ClassifyRecord } from './classify-patch.js';
import { gatherCommitContext } from './gather-commit-context.js';
import { CliError } from './cli-io.js';
import { locateGitDir } from './locate-git-dir.js';

export interface ClassifyCommitOptions {
  /** The repository; the current directory's when not given. */
  readonly gitDir: string | undefined;
  readonly commit: string;
  readonly policy: Policy;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS); the built-in one when absent. */
  readonly maxInputTokens?: number;
}

/**
 * The classify record of one commit of a local repository, against its first parent, with the
 * history before it (its ancestors) for the history-aware signals. `file` is the commit's sha.
 */
export const classifyCommit = async (options: ClassifyCommitOptions): Promise<ClassifyRecord> => {
  const gitDir = await locateGitDir(options.gitDir);
  const commit = await readCommitWithHistory(gitDir, options.commit);
  if (commit === null) {
    throw new CliError(
      (await ambiguousCommit(gitDir, options.commit)) ??
        `--commit ${options.commit}: no such commit in ${gitDir}`,
    );
  }
  if (commit.shallowEdge) throw new CliError(shallowEdgeMessage(options.commit, commit.sha));
  const diff = parseUnifiedDiff(commit.patch);
  // As for a patch file: an empty change is never printed as if it were one.
  if (diff.files.length === 0) {
    throw new CliError(
      `--commit ${options.commit}: ${commit.sha} changes no file, so there is nothing to classify`,
    );
  }
  const { policy } = options;
  const history = commit.historyOf(diff.files.map((file) => file.path));
  // The estimate holds the code context the app would send, read from the repository as the
  // prompt command reads it.
  const classification = classifyChange({ diff, policy, authorAssociation: null, history });
  const context = await gatherCommitContext({
    gitDir,
    sha: commit.sha,
    parent: (await resolveCommit(gitDir, commit.sha)).parent,
    diff: leaveOutGenerated(diff, policy.review.ignore_paths).diff,
    classification,
    policy,
    level: deepestLevel(policy, ['fast', 'deep']),
    knownSecrets: [],
  });
  return classifyPatch({
    file: commit.sha,
    diff,
    policy,
    prices: options.prices,
    ...(options.maxInputTokens === undefined ? {} : { maxInputTokens: options.maxInputTokens }),
    history,
    context,
    classification,
  });
};
