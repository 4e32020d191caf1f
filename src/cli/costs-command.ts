import { isOwnerAndName } from '../domain/review-job.js';
import type { LedgerFilter, LedgerStore } from '../ledger/types.js';
import { describeCostsPage } from '../report/describe-costs-page.js';
import { formatCosts } from '../report/format-costs.js';
import { groupCosts } from '../report/group-costs.js';
import { GROUP_KEYS, type CostRecord, type GroupKey } from '../report/types.js';
import { toCostRecord } from '../report/to-cost-record.js';
import { DATE_EXPECTED, parseTimestamp } from '../domain/parse-timestamp.js';
import { CliError, type CliIo } from './cli-io.js';
import { openLedgerAt, type LedgerLocation } from './ledger-location.js';
import { streamInThread } from './stream-in-thread.js';

export type CostsFormat = 'table' | 'json' | 'csv';
const FORMATS: readonly CostsFormat[] = ['table', 'json', 'csv'];

export interface CostsCommandOptions {
  /** Where the ledger is: asked once the options are known to be right. */
  readonly locateLedger: () => LedgerLocation | Promise<LedgerLocation>;
  readonly repo: string | undefined;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly limit: string | undefined;
  readonly groupBy: string | undefined;
  readonly format: string | undefined;
  readonly io: CliIo;
}

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
  const date = parseTimestamp(value);
  if (date === null) throw new CliError(`${flag} ${value}: ${DATE_EXPECTED}`);
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
  if (value !== undefined && !isOwnerAndName(value))
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

/** Rows the table shows without --limit: the newest page, never every row. */
const TABLE_ROWS = 50;

interface CostsQuery {
  readonly ledger: LedgerStore;
  readonly filter: LedgerFilter;
  readonly limit: number | undefined;
  readonly format: CostsFormat;
  readonly out: (text: string) => void;
}

/** One row per group, summed by the database; with --limit, the newest N attempts grouped here. */
const printGroups = async (query: CostsQuery, groupBy: readonly GroupKey[]): Promise<void> => {
  const { ledger, filter, limit } = query;
  const groups =
    limit === undefined
      ? await ledger.aggregate(filter, groupBy)
      : groupCosts(await ledger.list({ ...filter, limit }), groupBy);
  query.out(formatCosts(groups, query.format, [...new Set(groupBy), ...GROUP_COLUMNS]));
};

/** The newest page as a table, and a line with the totals of every attempt that matched. */
const printTable = async ({ ledger, filter, limit, out }: CostsQuery): Promise<void> => {
  const rows = await ledger.list({ ...filter, limit: limit ?? TABLE_ROWS });
  const [totals] = await ledger.aggregate(filter, []);
  out(formatCosts(rows.map(toCostRecord).map(toTableRow), 'table'));
  if (totals !== undefined) out(describeCostsPage(rows.length, totals));
};

/**
 * `review-router costs`: the newest attempts and the total, every attempt as JSON or CSV, or one
 * row per group with savings. `--since` is inclusive and `--until` exclusive, both on when the
 * review started; `--limit N` keeps the newest N attempts, before any grouping. The ledger's
 * size never decides the memory it takes: JSON and CSV stream, groups are summed in SQL.
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
  const location = await options.locateLedger();
  const filter = {
    ...(repo ? { repo } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
  const { io } = options;
  if (groupBy.length === 0 && format !== 'table') {
    // Every row: formatted in a thread of its own, printed here as stdout takes it.
    await streamInThread({ location, filter, limit, format }, async (text) => {
      io.out(text);
      await io.flush?.();
    });
    return;
  }
  const ledger = openLedgerAt(location);
  const query: CostsQuery = { ledger, filter, limit, format, out: io.out };
  try {
    if (groupBy.length > 0) await printGroups(query, groupBy);
    else await printTable(query);
  } finally {
    await ledger.close();
  }
};
