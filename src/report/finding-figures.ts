/**
 * The figures of the feedback on findings, as the `findings` command, `/reports/costs` and the
 * report page all show them: computed here once from the totals the database added up.
 *
 * `actedOnRate` is acted-on findings over findings with an outcome (an open pull request's
 * findings have none yet); `costPerActedOnUsd` is what the findings with an outcome cost over how
 * many of them were acted on. Both are null when there is nothing to divide by.
 */
import type { FindingRecord } from '../domain/finding-feedback.js';
import type { FindingGroup, FindingGroupKey } from '../ledger/types.js';

export interface FindingGroupRecord {
  readonly tier?: string;
  readonly provider?: string;
  readonly model?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly repo?: string;
  readonly findings: number;
  readonly actedOn: number;
  readonly dismissed: number;
  readonly noSignal: number;
  readonly open: number;
  readonly actedOnRate: number | null;
  readonly costUsd: number;
  readonly costPerActedOnUsd: number | null;
}

/** Dollars to the nano-dollar the ledger keeps, so a division prints the same everywhere. */
const toNanoDollar = (usd: number): number => Math.round(usd * 1e9) / 1e9;

export const toFindingGroupRecord = (group: FindingGroup): FindingGroupRecord => {
  const settled = group.actedOn + group.dismissed + group.noSignal;
  return {
    ...group.key,
    findings: group.findings,
    actedOn: group.actedOn,
    dismissed: group.dismissed,
    noSignal: group.noSignal,
    open: group.open,
    actedOnRate: settled === 0 ? null : Math.round((group.actedOn / settled) * 10_000) / 10_000,
    costUsd: group.costUsd,
    costPerActedOnUsd:
      group.actedOn === 0 ? null : toNanoDollar(group.settledCostUsd / group.actedOn),
  };
};

/** The columns of one finding, in `toFindingJson`'s order: a CSV of no findings still has them. */
export const FINDING_COLUMNS = [
  'repo',
  'pr',
  'fingerprint',
  'path',
  'line',
  'tier',
  'provider',
  'model',
  'category',
  'severity',
  'outcome',
  'signals',
  'postedAt',
  'costUsd',
] as const;

/** One finding as `findings --format json` prints it. */
export const toFindingJson = (finding: FindingRecord) => ({
  repo: finding.repo,
  pr: finding.pr,
  fingerprint: finding.fingerprint,
  path: finding.path,
  line: finding.line,
  tier: finding.tier,
  provider: finding.provider,
  model: finding.model,
  category: finding.category,
  severity: finding.severity,
  outcome: finding.outcome,
  signals: finding.signals,
  postedAt: finding.postedAt,
  costUsd: finding.costUsd,
});

/** The groupings the report page and `/reports/costs` show. */
export const FIGURE_GROUPINGS = {
  byTierModel: ['tier', 'model'],
  byCategory: ['category'],
} as const satisfies Record<string, readonly FindingGroupKey[]>;

export interface FindingFigures {
  readonly byTierModel: readonly FindingGroupRecord[];
  readonly byCategory: readonly FindingGroupRecord[];
}

/** The figures the report page and `/reports/costs` show, for the findings posted in the window. */
export const readFindingFigures = async (
  reports: {
    groupFindings(
      filter: { repo?: string; since?: string; until?: string },
      groupBy: readonly FindingGroupKey[],
    ): Promise<FindingGroup[]>;
  },
  filter: { readonly repo?: string; readonly since?: string; readonly until?: string },
): Promise<FindingFigures> => {
  const [byTierModel, byCategory] = await Promise.all([
    reports.groupFindings(filter, FIGURE_GROUPINGS.byTierModel),
    reports.groupFindings(filter, FIGURE_GROUPINGS.byCategory),
  ]);
  return {
    byTierModel: byTierModel.map(toFindingGroupRecord),
    byCategory: byCategory.map(toFindingGroupRecord),
  };
};
