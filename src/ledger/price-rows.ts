/**
 * Reading a price table's rows: the model's rates on a provider, the region's multiplier and a
 * discount's share. Without the table's schemas (`price-table.ts`), so pricing loads no zod.
 */
import type { ProviderId } from '../domain/policy.js';
import type { Discount } from '../domain/usage.js';
import type { ModelPrice, PriceTable } from './price-table.js';

/** Half price for flex and batch when the table does not say otherwise. */
export const DEFAULT_DISCOUNTS: Readonly<Record<Discount, number>> = { flex: 0.5, batch: 0.5 };

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * The row for a model on a provider: its provider's section first, then `models` (the OpenAI and
 * Anthropic APIs' own rows, whose `provider` the caller checks against the usage). Without a
 * provider, the `models` row. An unknown model is an error that says where to add it, never $0.
 */
export const requireModel = (
  table: PriceTable,
  model: string,
  provider?: ProviderId,
): ModelPrice => {
  if (provider !== undefined) {
    const rates = own(table.providers?.[provider]?.models, model);
    if (rates !== undefined) return { provider, ...rates };
  }
  const row = own(table.models, model);
  const ownApi = provider === undefined || provider === 'openai' || provider === 'anthropic';
  if (row !== undefined && (ownApi || row.provider === provider)) return row;
  if (ownApi) {
    throw new Error(
      `unknown model ${model} in price table v${table.version}: add it to PRICES_FILE`,
    );
  }
  const free =
    provider === 'openai-compatible'
      ? '; a self-hosted model is free only with every rate set to 0'
      : '';
  throw new Error(
    `unknown model ${model} for provider ${provider} in price table v${table.version}: add it to PRICES_FILE under providers.${provider}.models (prices/default.json shows the format${free})`,
  );
};

/** The multiplier for the region that served a request, 1 where the provider's prices do not vary. */
export const regionMultiplier = (
  table: PriceTable,
  provider: ProviderId,
  region: string | null | undefined,
): number => {
  const multipliers = table.providers?.[provider]?.regionMultipliers;
  if (multipliers === undefined || region === null || region === undefined) return 1;
  return own(multipliers, region) ?? own(multipliers, '*') ?? 1;
};

/** The share of the full price a discounted request pays. */
export const discountShare = (table: PriceTable, discount: Discount | null): number =>
  discount === null ? 1 : (table.discounts ?? DEFAULT_DISCOUNTS)[discount];
