/** The cap check every ledger makes inside its reservation transaction, in whole nano-dollars. */
import { fromNanos, toNanos } from './money.js';
import type { BudgetCap, BudgetScope, Committed } from './types.js';

/** What is committed in one scope, in nano-dollars. */
export interface CommittedNanos {
  readonly spentNanos: number;
  readonly reservedNanos: number;
}

/** The distinct scopes of `caps`, so a store reads each scope's committed figures once. */
export const scopesOf = (caps: readonly BudgetCap[]): BudgetScope[] => [
  ...new Set(caps.map((cap) => cap.scope)),
];

export const toCommitted = (nanos: CommittedNanos): Committed => ({
  spentUsd: fromNanos(nanos.spentNanos),
  reservedUsd: fromNanos(nanos.reservedNanos),
});

/**
 * The first of `caps` that what is committed in its scope plus `amountNanos` would pass, with the
 * committed figures; null when the amount fits under every cap. Reaching a cap exactly is allowed.
 */
export const firstPassedCap = (
  caps: readonly BudgetCap[],
  amountNanos: number,
  committed: ReadonlyMap<BudgetScope, CommittedNanos>,
): ({ readonly cap: BudgetCap } & Committed) | null => {
  for (const cap of caps) {
    const now = committed.get(cap.scope) ?? { spentNanos: 0, reservedNanos: 0 };
    if (now.spentNanos + now.reservedNanos + amountNanos > toNanos(cap.capUsd, 'capUsd')) {
      return { cap, ...toCommitted(now) };
    }
  }
  return null;
};
