/**
 * `review-router prompt --git-dir PATH --commit SHA [--tier fast|deep] [--policy FILE] [--json]`:
 * the exact prompt a tier would get for a commit, and what its code context holds and why.
 */
import type { PriceTable } from '../ledger/price-table.js';
import { formatCount } from '../domain/format-count.js';
import { buildCommitPrompt, type CommitPrompt } from './build-commit-prompt.js';
import { CliError, type CliIo } from './cli-io.js';
import { loadPolicyFile } from './load-policy-file.js';
import { locateGitDir } from './locate-git-dir.js';

export interface PromptCommandOptions {
  readonly gitDir: string | undefined;
  readonly commit: string | undefined;
  readonly tier: string | undefined;
  readonly policyFile: string | undefined;
  readonly json: boolean;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS); the built-in one when unset. */
  readonly maxInputTokens?: number | undefined;
  readonly io: CliIo;
}

/** The `prompt --json` object: what the provider would receive, with its accounting. */
export const promptRecord = (built: CommitPrompt) => {
  const { prompt } = built;
  return {
    tier: built.tier,
    provider: built.model.provider,
    model: built.model.model,
    commit: built.sha,
    route: built.routeReason,
    contextLevel: prompt.contextLevel,
    prompt: {
      system: prompt.system,
      repositoryContext: prompt.repositoryContext,
      context: prompt.context,
      user: prompt.prompt,
    },
    tokens: prompt.tokens,
    cacheBreakpoint: prompt.cacheContext ? 'after context' : 'none',
    context: prompt.contextEntries,
    leftOut: [...built.leftOut, ...prompt.omitted, ...prompt.contextLeftOut],
  };
};

const renderHuman = (record: ReturnType<typeof promptRecord>): string => {
  const { tokens } = record;
  const lines = [
    `commit ${record.commit}: ${record.tier} tier (${record.provider} ${record.model}), context level ${record.contextLevel}`,
    `  route: ${record.route}`,
    `  tokens: ${formatCount(tokens.total)} in all = system ${formatCount(tokens.system)} + context ${formatCount(tokens.context)} + pull request ${formatCount(tokens.diff)}; cache breakpoint: ${record.cacheBreakpoint}`,
    `  context (${record.context.length} blocks):`,
    ...record.context.map(
      (entry) =>
        `    - ${entry.kind} ${entry.path}:${entry.startLine}-${entry.endLine}${entry.symbol === null ? '' : ` ${entry.symbol}`} (${entry.tokens} tokens): ${entry.reason}`,
    ),
    ...(record.leftOut.length === 0
      ? []
      : [`  left out:`, ...record.leftOut.map((entry) => `    - ${entry.path}: ${entry.reason}`)]),
  ];
  const section = (title: string, text: string) =>
    text === '' ? [] : ['', `===== ${title} =====`, text];
  return [
    ...lines,
    ...section('system', record.prompt.system),
    ...section('repository context', record.prompt.repositoryContext),
    ...section('code context', record.prompt.context),
    ...section('pull request', record.prompt.user),
  ].join('\n');
};

const TIERS = ['fast', 'deep'] as const;

export const runPromptCommand = async (options: PromptCommandOptions): Promise<void> => {
  if (options.gitDir === undefined) throw new CliError('prompt needs --git-dir PATH');
  if (options.commit === undefined) throw new CliError('prompt needs --commit SHA');
  const tier = TIERS.find((each) => each === options.tier);
  if (options.tier !== undefined && tier === undefined)
    throw new CliError(`--tier ${options.tier}: expected fast or deep`);
  const gitDir = await locateGitDir(options.gitDir);
  const built = await buildCommitPrompt({
    gitDir,
    commit: options.commit,
    tier,
    policy: await loadPolicyFile(options.policyFile, options.io),
    prices: options.prices,
    ...(options.maxInputTokens === undefined ? {} : { maxInputTokens: options.maxInputTokens }),
  });
  const record = promptRecord(built);
  options.io.out(options.json ? JSON.stringify(record) : renderHuman(record));
};
