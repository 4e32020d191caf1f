/** The cap check both ledger stores make inside their reservation transaction. */
import type { BudgetCap, BudgetScope, Committed } from './types.js';

/** Float sums like 49.2 + 0.8 must not "pass" a $50 cap. */
const EPSILON_USD = 1e-9;

/** The distinct scopes of `caps`, so a store reads each scope's committed figures once. */
export const scopesOf = (caps: readonly BudgetCap[]): BudgetScope[] => [
  ...new Set(caps.map((cap) => cap.scope)),
];

/**
 * The first of `caps` that what is committed in its scope plus `amountUsd` would pass, with the
 * committed figures; null when the amount fits under every cap. Reaching a cap exactly is allowed.
 */
export const firstPassedCap = (
  caps: readonly BudgetCap[],
  amountUsd: number,
  committed: ReadonlyMap<BudgetScope, Committed>,
): ({ readonly cap: BudgetCap } & Committed) | null => {
  for (const cap of caps) {
    const now = committed.get(cap.scope) ?? { spentUsd: 0, reservedUsd: 0 };
    if (now.spentUsd + now.reservedUsd + amountUsd > cap.capUsd + EPSILON_USD) {
      return { cap, ...now };
    }
  }
  return null;
};
