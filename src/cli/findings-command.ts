import { isOwnerAndName } from '../domain/review-job.js';
import { suggestPolicyChanges } from '../feedback/suggest-policy-changes.js';
import { FINDING_GROUP_KEYS, type FindingGroupKey } from '../feedback/types.js';
import { FINDING_COLUMNS, toFindingGroupRecord, toFindingJson } from '../report/finding-figures.js';
import { formatCosts } from '../report/format-costs.js';
import { DATE_EXPECTED, parseTimestamp } from '../domain/parse-timestamp.js';
import { CliError, type CliIo } from './cli-io.js';
import { openLedgerAt, type LedgerLocation } from './ledger-location.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type FindingsFormat = (typeof FORMATS)[number];
const COMMAND_GROUP_KEYS: readonly FindingGroupKey[] = FINDING_GROUP_KEYS.filter(
  (key) => key !== 'provider',
);

export interface FindingsCommandOptions {
  readonly locateLedger: () => LedgerLocation | Promise<LedgerLocation>;
  readonly repo?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly groupBy?: string | undefined;
  readonly format?: string | undefined;
  readonly suggest?: boolean | undefined;
  readonly io: CliIo;
}

const parseFormat = (value: string | undefined): FindingsFormat => {
  const format = FORMATS.find((known) => known === (value ?? 'table'));
  if (format === undefined)
    throw new CliError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
  return format;
};

const parseGroupBy = (value: string | undefined): FindingGroupKey[] =>
  value === undefined
    ? []
    : value.split(',').map((part) => {
        const key = COMMAND_GROUP_KEYS.find((known) => known === part.trim());
        if (key === undefined)
          throw new CliError(
            `--group-by ${part}: expected a comma-separated list of ${COMMAND_GROUP_KEYS.join(', ')}`,
          );
        return key;
      });

const parseDate = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const date = parseTimestamp(value);
  if (date === null) throw new CliError(`${flag} ${value}: ${DATE_EXPECTED}`);
  return date.toISOString();
};

const parseRepo = (value: string | undefined): string | undefined => {
  if (value !== undefined && !isOwnerAndName(value))
    throw new CliError(`--repo ${value}: expected OWNER/NAME`);
  return value;
};

const GROUP_COLUMNS = [
  'findings',
  'actedOn',
  'dismissed',
  'noSignal',
  'open',
  'actedOnRate',
  'costUsd',
  'costPerActedOnUsd',
] as const;

/** A terminal is narrow: the table shows what people scan; json and csv keep every field. */
const toTableRow = (finding: ReturnType<typeof toFindingJson>) => ({
  postedAt: finding.postedAt.slice(0, 16).replace('T', ' '),
  repo: finding.repo,
  pr: finding.pr,
  path: `${finding.path}:${finding.line}`,
  tier: finding.tier,
  model: finding.model,
  category: finding.category,
  severity: finding.severity,
  outcome: finding.outcome,
  signals: finding.signals.join(' '),
  costUsd: finding.costUsd,
  fingerprint: finding.fingerprint.slice(0, 8),
});

/**
 * `review-router findings`: every posted finding with its outcome and signals, or one row per group
 * with its acted-on rate and cost per acted-on finding (added up in the database), or with
 * `--suggest` the policy changes the evidence supports, to paste. `--since` is inclusive and
 * `--until` exclusive, on when the finding was posted, as for `costs`.
 */
export const runFindingsCommand = async (options: FindingsCommandOptions): Promise<void> => {
  const format = parseFormat(options.format);
  const groupBy = parseGroupBy(options.groupBy);
  const repo = parseRepo(options.repo);
  const since = parseDate('--since', options.since);
  const until = parseDate('--until', options.until);
  if (since !== undefined && until !== undefined && since >= until)
    throw new CliError(
      `--since ${options.since} --until ${options.until}: --until is exclusive, so it must come after --since`,
    );
  const filter = {
    ...(repo ? { repo } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
  const ledger = openLedgerAt(await options.locateLedger());
  const { io } = options;
  try {
    if (options.suggest === true) {
      const suggestions = suggestPolicyChanges(await ledger.listFindings(filter));
      if (format === 'json') io.out(JSON.stringify(suggestions, null, 2));
      else if (suggestions.length === 0)
        io.out('No policy change to suggest: not enough findings with an outcome point one way.');
      else io.out(suggestions.map((s) => `${s.reason}\n\n${s.snippet}\n`).join('\n'));
      return;
    }
    if (groupBy.length > 0) {
      const groups = (await ledger.groupFindings(filter, groupBy)).map(toFindingGroupRecord);
      io.out(formatCosts(groups, format, [...new Set(groupBy), ...GROUP_COLUMNS]));
      return;
    }
    const findings = (await ledger.listFindings(filter)).map(toFindingJson);
    if (format === 'table') {
      io.out(formatCosts(findings.map(toTableRow), 'table'));
    } else io.out(formatCosts(findings, format, FINDING_COLUMNS));
  } finally {
    await ledger.close();
  }
};
