/**
 * Whether the price table can price every model a policy may call: each tier's, and the model each
 * tier fails over to. A model it cannot price would be recorded at $0, so a review never calls
 * one; `policy check` reports the same problem offline.
 */
import { errorMessage } from '../domain/errors.js';
import type { ModelChoice, Policy } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import { requireModel } from '../ledger/price-rows.js';
import type { ModelPrice, PriceTable } from '../ledger/price-table.js';

export interface PriceProblem {
  /** The policy key at fault: `models.deep.model`, `models.fast.fallback.provider`. */
  readonly path: readonly string[];
  /** What is wrong, prefixed with the model's key (`models.deep: unknown model ...`). */
  readonly message: string;
  /** The same without the prefix, for a message that names the key already. */
  readonly detail: string;
}

const problemAt = (at: readonly string[], last: string, detail: string): PriceProblem => ({
  path: [...at, last],
  message: `${at.join('.')}: ${detail}`,
  detail,
});

const choiceProblem = (
  prices: PriceTable,
  choice: Pick<ModelChoice, 'provider' | 'model'>,
  at: readonly string[],
): PriceProblem | null => {
  let row: ModelPrice;
  try {
    row = requireModel(prices, choice.model, choice.provider);
  } catch (error) {
    return problemAt(at, 'model', errorMessage(error));
  }
  if (row.provider === choice.provider) return null;
  return problemAt(
    at,
    'provider',
    `${choice.model} is an ${row.provider} model in price table v${prices.version}, but the policy sends it to ${choice.provider}: fix ${at.join('.')}.provider in .github/review-router.yml`,
  );
};

const tierProblems = (policy: Policy, prices: PriceTable, tier: Tier): PriceProblem[] => {
  const spec = policy.models[tier];
  return [
    choiceProblem(prices, spec, ['models', tier]),
    spec.fallback ? choiceProblem(prices, spec.fallback, ['models', tier, 'fallback']) : null,
  ].filter((problem) => problem !== null);
};

/**
 * Every model of `policy` the price table cannot price as the policy sends it, fast tier first
 * (each tier's own model before its fallback): a maintainer fixes them all in one edit.
 */
export const policyPriceProblems = (policy: Policy, prices: PriceTable): PriceProblem[] => [
  ...tierProblems(policy, prices, 'fast'),
  ...tierProblems(policy, prices, 'deep'),
];
