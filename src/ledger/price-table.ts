/**
 * The versioned, dated price table: data in prices/default.json, which the
 * operator may override with PRICES_FILE.
 *
 * `models` holds the models of OpenAI's and Anthropic's own APIs, keyed by model ID. The other
 * providers have a section each under `providers`, keyed by what the policy names there: an Azure
 * OpenAI deployment, a Bedrock model ID (its `global.`/`us.`/`eu.` inference profile is part of
 * it, and so is the regional price), a Vertex AI model ID (priced per region with
 * `regionMultipliers`), a self-hosted model (free only when a row says so, rates 0).
 *
 * The schemas are zod's; reading a table's rows (`price-rows.ts`) and the shipped defaults
 * (`default-prices.ts`) needs none of it, so a command that only prices does not load zod.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, errorMessage } from '../domain/errors.js';
import { PROVIDER_IDS } from '../domain/policy.js';
import { readDefaultPriceJson } from './default-prices.js';

/** USD per million tokens. */
const Rate = z.number().nonnegative();

export const LongContextRates = z.strictObject({
  /** The long-context rates apply to the whole request when its prompt tokens exceed this. */
  thresholdInputTokens: z.number().int().nonnegative(),
  input: Rate,
  cachedInput: Rate,
  cacheWrite5m: Rate.nullable(),
  cacheWrite1h: Rate.nullable(),
  output: Rate,
});
export type LongContextRates = z.infer<typeof LongContextRates>;

const RATES = {
  input: Rate,
  /** OpenAI cached input, Anthropic cache read. */
  cachedInput: Rate,
  /** Anthropic cache write with a 5-minute TTL; null where the provider has no cache writes. */
  cacheWrite5m: Rate.nullable(),
  cacheWrite1h: Rate.nullable(),
  output: Rate,
  longContext: LongContextRates.optional(),
};

/** One model's rates on one provider. */
export const ModelPrice = z.strictObject({ provider: z.enum(PROVIDER_IDS), ...RATES });
export type ModelPrice = z.infer<typeof ModelPrice>;

/** A row of a provider's section: the section names the provider. */
const ProviderModelPrice = z.strictObject(RATES);

/** Per provider, per reported inference geography: a multiplier on every category. */
const GeoMultipliers = z.partialRecord(
  z.enum(PROVIDER_IDS),
  z.record(z.string(), z.number().positive()),
);

/**
 * One provider's models, keyed by the name the policy uses there, and per serving region a
 * multiplier on every category (`*`: any other region).
 */
const ProviderSection = z.strictObject({
  models: z.record(z.string().min(1), ProviderModelPrice),
  regionMultipliers: z.record(z.string().min(1), z.number().positive()).optional(),
});
const ProviderSections = z.partialRecord(z.enum(PROVIDER_IDS), ProviderSection);

/** The share of the price a discounted request pays (OpenAI flex and both batch APIs: half). */
const Discounts = z.strictObject({
  flex: z.number().positive().max(1),
  batch: z.number().positive().max(1),
});

export const PriceTable = z.strictObject({
  version: z.string().min(1),
  effectiveDate: z.iso.date(),
  currency: z.literal('USD'),
  unit: z.literal('per_million_tokens'),
  geoMultipliers: GeoMultipliers,
  discounts: Discounts.optional(),
  models: z.record(z.string().min(1), ModelPrice),
  providers: ProviderSections.optional(),
});
export type PriceTable = z.infer<typeof PriceTable>;

/** What PRICES_FILE may hold: a new version and date, and the rows it replaces or adds. */
const PriceOverride = z.strictObject({
  version: z.string().min(1),
  effectiveDate: z.iso.date(),
  currency: z.literal('USD').optional(),
  unit: z.literal('per_million_tokens').optional(),
  geoMultipliers: GeoMultipliers.optional(),
  discounts: Discounts.optional(),
  models: z.record(z.string().min(1), ModelPrice).optional(),
  providers: ProviderSections.optional(),
});

export interface LoadPriceTableOptions {
  /** PRICES_FILE: a JSON file whose rows replace or add to the defaults. */
  readonly overridePath?: string | undefined;
}

export const loadPriceTable = (options: LoadPriceTableOptions = {}): PriceTable => {
  const defaults = PriceTable.parse(readDefaultPriceJson());
  if (options.overridePath === undefined || options.overridePath === '') return defaults;
  const override = readOverride(options.overridePath);
  const geoMultipliers = { ...defaults.geoMultipliers };
  for (const [provider, multipliers] of Object.entries(override.geoMultipliers ?? {})) {
    const key = provider as keyof typeof geoMultipliers;
    geoMultipliers[key] = { ...geoMultipliers[key], ...multipliers };
  }
  const providers = { ...defaults.providers };
  for (const [provider, section] of Object.entries(override.providers ?? {})) {
    const key = provider as keyof typeof providers;
    const current = providers[key];
    providers[key] = {
      models: { ...current?.models, ...section.models },
      regionMultipliers: { ...current?.regionMultipliers, ...section.regionMultipliers },
    };
  }
  return {
    ...defaults,
    version: override.version,
    effectiveDate: override.effectiveDate,
    geoMultipliers,
    discounts: override.discounts ?? defaults.discounts,
    models: { ...defaults.models, ...override.models },
    providers,
  };
};

const readOverride = (path: string): z.infer<typeof PriceOverride> => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `PRICES_FILE ${path} could not be read as JSON: ${errorMessage(error)}. To resolve, point PRICES_FILE at a JSON price table or unset it to use the defaults.`,
      { variable: 'PRICES_FILE' },
    );
  }
  const parsed = PriceOverride.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ConfigError(
    `PRICES_FILE ${path} is not a valid price table: ${problems}. To resolve, fix those fields (prices/default.json shows the format; version and effectiveDate are required).`,
    { variable: 'PRICES_FILE' },
  );
};

export { DEFAULT_DISCOUNTS, discountShare, regionMultiplier, requireModel } from './price-rows.js';
