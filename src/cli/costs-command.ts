import type { LedgerStore } from '../ledger/types.js';
import { formatCosts } from '../report/format-costs.js';
import { groupCosts } from '../report/group-costs.js';
import type { CostRecord, GroupKey } from '../report/types.js';
import { toCostRecord } from '../report/to-cost-record.js';
import { CliError, type CliIo } from './cli-io.js';

export type CostsFormat = 'table' | 'json' | 'csv';
const FORMATS: readonly CostsFormat[] = ['table', 'json', 'csv'];
const GROUP_KEYS: readonly GroupKey[] = ['repo', 'month', 'tier'];

export interface CostsCommandOptions {
  readonly ledger: LedgerStore;
  readonly repo: string | undefined;
  readonly since: string | undefined;
  readonly groupBy: string | undefined;
  readonly format: string | undefined;
  readonly io: CliIo;
}

const parseFormat = (value: string | undefined): CostsFormat => {
  const format = (value ?? 'table') as CostsFormat;
  if (!FORMATS.includes(format))
    throw new CliError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
  return format;
};

const parseGroupBy = (value: string | undefined): GroupKey[] => {
  if (value === undefined) return [];
  return value.split(',').map((part) => {
    const key = part.trim() as GroupKey;
    if (!GROUP_KEYS.includes(key))
      throw new CliError(
        `--group-by ${part}: expected a comma-separated list of ${GROUP_KEYS.join(', ')}`,
      );
    return key;
  });
};

const parseSince = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(`--since ${value}: expected a date such as 2026-11-01`);
  return date.toISOString();
};

const parseRepo = (value: string | undefined): string | undefined => {
  if (value !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(value))
    throw new CliError(`--repo ${value}: expected OWNER/NAME`);
  return value;
};

/** A terminal is narrow: the table shows the columns people scan; json and csv keep every field. */
const toTableRow = (record: CostRecord) => ({
  startedAt: record.startedAt.slice(0, 16).replace('T', ' '),
  repo: record.repo,
  pr: record.pr,
  tier: record.tier,
  model: record.model ?? '',
  outcome: record.outcome,
  inputTokens: record.inputTokens,
  outputTokens: record.outputTokens,
  costUsd: record.costUsd,
  deepCostUsd: record.deepCostUsd,
  reason: record.reason.length > 60 ? `${record.reason.slice(0, 59)}…` : record.reason,
});

/** `review-router costs`: every attempt newest first, or one row per group with savings. */
export const runCostsCommand = async (options: CostsCommandOptions): Promise<void> => {
  const format = parseFormat(options.format);
  const groupBy = parseGroupBy(options.groupBy);
  const repo = parseRepo(options.repo);
  const since = parseSince(options.since);
  const rows = await options.ledger.list({
    ...(repo ? { repo } : {}),
    ...(since ? { since } : {}),
  });
  const records = rows.map(toCostRecord);
  const data =
    groupBy.length > 0 ? groupCosts(rows, groupBy) : format === 'table' ? records.map(toTableRow) : records;
  options.io.out(formatCosts(data, format));
};
