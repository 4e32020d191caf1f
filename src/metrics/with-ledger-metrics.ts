/**
 * A LedgerStore that counts each recorded entry in the metrics once the store has accepted it.
 * Every other method passes straight through, however the port grows.
 */
import type { LedgerStore } from '../ledger/types.js';
import { recordAttempt } from './record-attempt.js';
import type { Metrics } from './types.js';

export const withLedgerMetrics = (ledger: LedgerStore, metrics: Metrics): LedgerStore => {
  const record: LedgerStore['record'] = async (entry) => {
    const row = await ledger.record(entry);
    recordAttempt(metrics, entry);
    return row;
  };
  return new Proxy(ledger, {
    get: (target, property, receiver): unknown =>
      property === 'record' ? record : Reflect.get(target, property, receiver),
  });
};
