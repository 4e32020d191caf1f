import type { PriceTable } from '../ledger/price-table.js';
import { formatUsd } from '../domain/format-usd.js';
import { classifyPatch, type ClassifyRecord } from './classify-patch.js';
import type { CliIo } from './cli-io.js';
import { loadPolicyFile, readText } from './load-policy-file.js';
import { readPatch } from './read-patch.js';

export interface ClassifyCommandOptions {
  readonly files: readonly string[];
  readonly policyFile: string | undefined;
  readonly json: boolean;
  readonly prices: PriceTable;
  readonly io: CliIo;
}

const renderHuman = (record: ClassifyRecord): string => {
  const lines = [
    `${record.file}: ${record.changedFiles} files, +${record.additions} -${record.deletions}, size ${record.size}`,
    `  risk ${record.risk.level} (${record.risk.score.toFixed(2)})`,
    ...record.risk.signals.map(
      (signal) => `    - ${signal.id} (+${signal.weight.toFixed(2)}): ${signal.message}`,
    ),
    `  route ${record.route.tier}${record.route.model ? ` (${record.route.provider} ${record.route.model})` : ''}: ${record.route.reason}`,
    `  estimate ~${record.estimate.inputTokens.toLocaleString('en-US')} input tokens: fast ${formatUsd(record.estimate.costUsd.fast)}, deep ${formatUsd(record.estimate.costUsd.deep)}`,
  ];
  return lines.join('\n');
};

/** `review-router classify [--policy FILE] [--json] DIFF_FILE...`: one JSON line per file, in order. */
export const runClassifyCommand = async (options: ClassifyCommandOptions): Promise<void> => {
  const policy = await loadPolicyFile(options.policyFile, options.io);
  for (const file of options.files) {
    const record = classifyPatch({
      file,
      diff: readPatch(file, await readText(file, options.io)),
      policy,
      prices: options.prices,
    });
    options.io.out(options.json ? JSON.stringify(record) : renderHuman(record));
  }
};
