/**
 * The prompt a tier would get for one commit of a local repository: the app's own stages (redact,
 * classify, route, gather context, build the prompt) with a local git source instead of GitHub.
 */
import { GitError, runGit } from '../calibrate/run-git.js';
import { resolveCommitRev, ambiguousCommit } from '../calibrate/resolve-commit-rev.js';
import { isShallowEdge, shallowEdgeMessage } from '../calibrate/shallow-edge.js';
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import { readHistoryBefore } from '../calibrate/read-commit-with-history.js';
import { classifyChange } from '../classify/classify-change.js';
import type { ContextPool } from '../context/types.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ModelSpec, Policy } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import type { PriceTable } from '../ledger/price-table.js';
import { buildReviewPrompt, type ReviewPrompt } from '../review/build-prompt.js';
import { deepestLevel } from '../review/context-level.js';
import { planTiers } from '../review/plan-tiers.js';
import type { OmittedFile } from '../publish/render-summary.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { leaveOutGenerated } from '../worker/leave-out-generated.js';
import { DEFAULT_LIMITS } from '../worker/types.js';
import { OFFLINE_PR, routeOffline } from './classify-patch.js';
import { gatherCommitContext } from './gather-commit-context.js';
import { CliError } from './cli-io.js';
import { readPatch } from './read-patch.js';

/** git's empty tree in each object format (`git hash-object -t tree /dev/null`). */
const EMPTY_TREE: Readonly<Record<string, string>> = {
  sha1: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  sha256: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
};

export interface CommitPromptOptions {
  readonly gitDir: string;
  readonly commit: string;
  /** Compare against this commit instead of the first parent (a pull request of several commits). */
  readonly base?: string;
  readonly policy: Policy;
  readonly prices: PriceTable;
  /** Absent: the tier routing chooses (the fast tier when it would skip). */
  readonly tier?: Tier | undefined;
  readonly maxInputTokens?: number;
  /** Overrides the tier's share of the budget for code context. */
  readonly contextMaxTokens?: number;
}

export interface CommitPrompt {
  readonly sha: string;
  readonly tier: Tier;
  readonly routeReason: string;
  readonly model: ModelSpec;
  /** What the model reads: the commit's diff without lockfiles and generated code. */
  readonly diff: DiffModel;
  /** The lockfiles and generated files taken out of `diff`, as the app's summary lists them. */
  readonly leftOut: readonly OmittedFile[];
  readonly classification: Classification;
  readonly context: ContextPool;
  readonly prompt: ReviewPrompt;
  /** CPU time this process spent reading, parsing and ranking the code context. */
  readonly contextCpuMs: number;
}

/** git with the settings that make its output the same everywhere (no textconv, no prefix change). */
const git = async (gitDir: string, args: readonly string[]): Promise<string> => {
  try {
    return (await runGit(gitDir, args)).toString('utf8');
  } catch (error) {
    const detail = error instanceof GitError ? error.context.stderr.trim() : String(error);
    throw new CliError(`git ${args[0] ?? ''} in ${gitDir} failed: ${detail}`);
  }
};

/**
 * A commit's full SHA and its first parent's (null for a root commit). `rev` is never read as an
 * option; a commit at the edge of a shallow clone, whose parent git has not fetched, is refused.
 */
export const resolveCommit = async (
  gitDir: string,
  rev: string,
): Promise<{ sha: string; parent: string | null }> => {
  const sha = await resolveCommitRev(gitDir, rev);
  if (sha === null)
    throw new CliError((await ambiguousCommit(gitDir, rev)) ?? `no commit ${rev} in ${gitDir}`);
  const [, parent] = (await git(gitDir, ['rev-list', '--parents', '-n', '1', sha, '--']))
    .trim()
    .split(' ');
  if (parent === undefined && (await isShallowEdge(gitDir, sha)))
    throw new CliError(shallowEdgeMessage(rev, sha));
  return { sha, parent: parent ?? null };
};

/** What a root commit is compared with: the empty tree of the repository's object format. */
const emptyTree = async (gitDir: string): Promise<string> => {
  const format = (await git(gitDir, ['rev-parse', '--show-object-format'])).trim();
  const tree = EMPTY_TREE[format];
  if (tree === undefined)
    throw new CliError(`${gitDir} uses object format ${format}, which is not supported`);
  return tree;
};

export const buildCommitPrompt = async (options: CommitPromptOptions): Promise<CommitPrompt> => {
  const { gitDir, policy, prices } = options;
  const resolved = await resolveCommit(gitDir, options.commit);
  const { sha } = resolved;
  const parent =
    options.base === undefined ? resolved.parent : (await resolveCommit(gitDir, options.base)).sha;
  const from = parent ?? (await emptyTree(gitDir));
  const patch = await git(gitDir, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--submodule=short',
    '-M',
    from,
    sha,
    '--',
  ]);
  if (patch.trim() === '')
    throw new CliError(
      `--commit ${options.commit}: ${sha} changes no file, so there is no prompt to build`,
    );
  const redacted = redactSecrets(readPatch(`commit ${sha.slice(0, 12)}`, patch), OFFLINE_PR);
  // As the app does: classified whole with the history before the commit, then lockfiles and
  // generated code taken out of what the model reads.
  const history = await readHistoryBefore(gitDir, sha);
  const classification = classifyChange({
    diff: redacted.diff,
    policy,
    authorAssociation: null,
    history: history.of(redacted.diff.files.map((file) => file.path)),
  });
  const { diff, leftOut } = leaveOutGenerated(redacted.diff, policy.review.ignore_paths);
  const maxInputTokens = options.maxInputTokens ?? DEFAULT_LIMITS.maxInputTokens;
  const cpuBefore = process.cpuUsage();
  const context = await gatherCommitContext({
    gitDir,
    sha,
    parent,
    diff,
    classification,
    policy,
    knownSecrets: redacted.report.known,
    level: deepestLevel(policy, options.tier === undefined ? ['fast', 'deep'] : [options.tier]),
  });
  const cpu = process.cpuUsage(cpuBefore);
  const contextCpuMs = Math.round((cpu.user + cpu.system) / 1_000);
  const plans = planTiers({
    policy,
    classification,
    diff,
    pr: OFFLINE_PR,
    prices,
    maxInputTokens,
    context,
  });
  if (!plans.ok) throw new CliError(plans.error.message);
  const route = routeOffline({ policy, classification, diff }, plans.value);
  const tier: Tier = options.tier ?? (route.tier === 'skip' ? 'fast' : route.tier);
  const routeReason =
    options.tier !== undefined
      ? `--tier ${options.tier}`
      : route.tier === 'skip'
        ? `routing would skip this change (${route.reason}); shown on the fast tier`
        : route.reason;
  const prompt = buildReviewPrompt({
    policy,
    classification,
    diff,
    pr: OFFLINE_PR,
    route: { tier, reason: routeReason },
    maxInputTokens,
    formatFile: formatFileForPrompt,
    context,
    ...(options.contextMaxTokens === undefined
      ? {}
      : { contextMaxTokens: options.contextMaxTokens }),
  });
  return {
    sha,
    tier,
    routeReason,
    model: policy.models[tier],
    diff,
    leftOut,
    classification,
    context,
    prompt,
    contextCpuMs,
  };
};
