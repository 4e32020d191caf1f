/** The messages between the app and the report thread: plain data, cloned across threads. */
import type { LedgerRow } from '../../domain/ledger-entry.js';
import type {
  FindingFilter,
  FindingGroup,
  FindingGroupKey,
  LedgerFilter,
  LedgerSummary,
} from '../types.js';

export interface ReportThreadData {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

export type ReportRequest =
  | { readonly id: number; readonly method: 'summarize'; readonly filter: LedgerFilter }
  | {
      readonly id: number;
      readonly method: 'groupFindings';
      readonly filter: FindingFilter;
      readonly groupBy: readonly FindingGroupKey[];
    }
  | {
      readonly id: number;
      readonly method: 'mostExpensive';
      readonly filter: LedgerFilter;
      readonly limit: number;
    };

export type ReportResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly value: LedgerSummary | LedgerRow[] | FindingGroup[];
    }
  | { readonly id: number; readonly ok: false; readonly message: string };
