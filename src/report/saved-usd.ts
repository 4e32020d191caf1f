/**
 * What one attempt saved against sending the same prompt to the deep tier: deepCostUsd - costUsd.
 * An escalated attempt is the exception: the deep review that followed it has its own row, so the
 * deep cost was paid after all and the fast attempt's cost is extra (a negative saving).
 */
import type { LedgerEntry } from '../domain/ledger-entry.js';

export const savedUsd = (entry: Pick<LedgerEntry, 'costUsd' | 'deepCostUsd' | 'outcome'>): number =>
  Math.round(((entry.outcome === 'escalated' ? 0 : entry.deepCostUsd) - entry.costUsd) * 1e9) / 1e9;
