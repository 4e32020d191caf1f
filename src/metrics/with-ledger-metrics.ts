/**
 * A LedgerStore that counts each recorded entry in the metrics once the store has accepted it,
 * and each budget alert the store says this call raised.
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
  const raiseAlert: LedgerStore['raiseAlert'] = async (alert) => {
    const raised = await ledger.raiseAlert(alert);
    // Rounded to the hundredth, so however many shares the policies name, the label has at most
    // a hundred values.
    if (raised) metrics.budgetAlerts.inc({ share: String(Math.round(alert.share * 100) / 100) });
    return raised;
  };
  const wrapped: Partial<Record<PropertyKey, unknown>> = { record, raiseAlert };
  return new Proxy(ledger, {
    get: (target, property, receiver): unknown =>
      Object.hasOwn(wrapped, property)
        ? wrapped[property]
        : Reflect.get(target, property, receiver),
  });
};
