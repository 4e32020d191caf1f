import type { LedgerStore } from '../ledger/types.js';
import { formatCosts } from '../report/format-costs.js';
import { groupCosts } from '../report/group-costs.js';
import { GROUP_KEYS, type CostRecord, type GroupKey } from '../report/types.js';
import { toCostRecord } from '../report/to-cost-record.js';
import { CliError, type CliIo } from './cli-io.js';

export type CostsFormat = 'table' | 'json' | 'csv';
const FORMATS: readonly CostsFormat[] = ['table', 'json', 'csv'];

export interface CostsCommandOptions {
  /** Opened once the options are known to be right, and closed before returning. */
  readonly openLedger: () => LedgerStore;
  readonly repo: string | undefined;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly limit: string | undefined;
  readonly groupBy: string | undefined;
  readonly format: string | undefined;
  readonly io: CliIo;
}

/** The columns of `costs --format csv`, in toCostRecord's order: the header of an empty ledger. */
const RECORD_COLUMNS = [
  'deliveryId',
  'repo',
  'pr',
  'headSha',
  'trigger',
  'tier',
  'provider',
  'model',
  'inputTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
  'outputTokens',
  'reasoningTokens',
  'costUsd',
  'deepCostUsd',
  'outcome',
  'riskLevel',
  'size',
  'reason',
  'startedAt',
  'finishedAt',
  'riskScore',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'inferenceGeo',
  'priceVersion',
  'error',
  'installationId',
] as const satisfies readonly (keyof CostRecord)[];

const GROUP_COLUMNS = ['reviews', 'costUsd', 'deepCostUsd', 'savedUsd', 'avgCostUsd'] as const;

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

const parseDate = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(`${flag} ${value}: expected a date such as 2026-11-01`);
  return date.toISOString();
};

const parseLimit = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(limit) || limit < 1)
    throw new CliError(`--limit ${value}: expected a whole number of reviews, such as 50`);
  return limit;
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

/**
 * `review-router costs`: every attempt newest first, or one row per group with savings. `--since`
 * is inclusive and `--until` exclusive, both on when the review started; `--limit N` keeps the
 * newest N attempts, before any grouping.
 */
export const runCostsCommand = async (options: CostsCommandOptions): Promise<void> => {
  const format = parseFormat(options.format);
  const groupBy = parseGroupBy(options.groupBy);
  const repo = parseRepo(options.repo);
  const since = parseDate('--since', options.since);
  const until = parseDate('--until', options.until);
  const limit = parseLimit(options.limit);
  if (since !== undefined && until !== undefined && since >= until)
    throw new CliError(
      `--since ${options.since} --until ${options.until}: --until is exclusive, so it must come after --since`,
    );
  const ledger = options.openLedger();
  const rows = await ledger
    .list({
      ...(repo ? { repo } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(limit === undefined ? {} : { limit }),
    })
    .finally(() => ledger.close());
  if (groupBy.length > 0) {
    const columns = [...new Set(groupBy), ...GROUP_COLUMNS];
    options.io.out(formatCosts(groupCosts(rows, groupBy), format, columns));
    return;
  }
  const records = rows.map(toCostRecord);
  options.io.out(
    format === 'table'
      ? formatCosts(records.map(toTableRow), format)
      : formatCosts(records, format, RECORD_COLUMNS),
  );
};
