import { readFile } from 'node:fs/promises';
import type { PriceTable } from '../ledger/price-table.js';
import { formatUsd } from '../domain/format-usd.js';
import { formatCount } from '../domain/format-count.js';
import { formatSignalWeight } from '../domain/classification.js';
import type { Latin1Patch } from '../changes/patch-lines.js';
import { classifyPatch, type ClassifyRecord } from './classify-patch.js';
import { CliError, type CliIo } from './cli-io.js';
import { RESOLVE_PATCH_FILE, unreadableFile } from './unreadable-file.js';
import { loadPolicyFile, readText } from './load-policy-file.js';
import { readPatch } from './read-patch.js';
import { rememberCounts } from '../review/count-tokens.js';
import { releaseBytes } from '../domain/release-bytes.js';

export interface ClassifyCommandOptions {
  readonly files: readonly string[];
  readonly policyFile: string | undefined;
  readonly json: boolean;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS); the estimate cannot exceed it. */
  readonly maxInputTokens: number;
  readonly io: CliIo;
  /** `--git-dir`: the repository `--commit` is read from (the current directory's by default). */
  readonly gitDir?: string | undefined;
  /** `--commit`: classify this commit of the repository, with the history before it. */
  readonly commit?: string | undefined;
}

const renderHuman = (record: ClassifyRecord): string => {
  const lines = [
    `${record.file}: ${record.changedFiles} files, +${record.additions} -${record.deletions}, size ${record.size}`,
    `  risk ${record.risk.level} (${record.risk.score.toFixed(2)})`,
    ...record.risk.signals.map(
      (signal) => `    - ${signal.id} (${formatSignalWeight(signal.weight)}): ${signal.message}`,
    ),
    `  route ${record.route.tier}${record.route.model ? ` (${record.route.provider} ${record.route.model})` : ''}: ${record.route.reason}`,
    `  estimate ~${formatCount(record.estimate.inputTokens)} input tokens: fast ${formatUsd(record.estimate.costUsd.fast)}, deep ${formatUsd(record.estimate.costUsd.deep)}`,
  ];
  return lines.join('\n');
};

/**
 * A patch as its bytes read as Latin-1 text (standard input as its text): the parser holds it one
 * byte a character, and the bytes read are left at once, not kept beside it while it is parsed.
 */
const readPatchInput = async (file: string, io: CliIo): Promise<string | Latin1Patch> => {
  if (file === '-') return readText(file, io, RESOLVE_PATCH_FILE);
  try {
    // Converted at once: a file read as 'latin1' comes in pieces that make a rope to flatten.
    const bytes = await readFile(file);
    const latin1 = bytes.toString('latin1');
    releaseBytes(bytes);
    return { latin1 };
  } catch (error) {
    throw unreadableFile(file, error, RESOLVE_PATCH_FILE);
  }
};

/** `review-router classify [--policy FILE] [--json] DIFF_FILE...`: one JSON line per file, in order. */
export const runClassifyCommand = async (options: ClassifyCommandOptions): Promise<void> => {
  // Each patch's prompt is drafted once: its texts are counted once, and hashing them to
  // remember their counts would be all cost.
  rememberCounts(false);
  const policy = await loadPolicyFile(options.policyFile, options.io);
  if (options.commit === undefined && options.gitDir !== undefined) {
    throw new CliError('--git-dir names the repository of --commit SHA: pass --commit too');
  }
  if (options.commit !== undefined) {
    if (options.files.length > 0) {
      throw new CliError('classify takes either diff files or --commit SHA, not both');
    }
    // The git plumbing of --commit is loaded only when it is asked for.
    const { classifyCommit } = await import('./classify-commit.js');
    const record = await classifyCommit({
      gitDir: options.gitDir,
      commit: options.commit,
      policy,
      prices: options.prices,
      maxInputTokens: options.maxInputTokens,
    });
    options.io.out(options.json ? JSON.stringify(record) : renderHuman(record));
    return;
  }
  if (options.files.length === 0) {
    throw new CliError('classify needs diff files (- reads stdin) or --commit SHA');
  }
  for (const file of options.files) {
    const record = classifyPatch({
      file,
      diff: readPatch(file, await readPatchInput(file, options.io)),
      policy,
      prices: options.prices,
      maxInputTokens: options.maxInputTokens,
    });
    options.io.out(options.json ? JSON.stringify(record) : renderHuman(record));
  }
};
