/**
 * A LedgerStore that counts each settled finding whose outcome changed, once the store has
 * accepted it: a redelivered close or a close after a reopen with the same outcome adds nothing.
 */
import type { LedgerStore } from '../ledger/types.js';
import type { Metrics } from './types.js';

export const withFeedbackMetrics = (ledger: LedgerStore, metrics: Metrics): LedgerStore => {
  const settleFindings: LedgerStore['settleFindings'] = async (settle) => {
    const changes = await ledger.settleFindings(settle);
    for (const change of changes) metrics.findingOutcomes.inc(change);
    return changes;
  };
  return new Proxy(ledger, {
    get: (target, property, receiver): unknown =>
      property === 'settleFindings' ? settleFindings : Reflect.get(target, property, receiver),
  });
};
