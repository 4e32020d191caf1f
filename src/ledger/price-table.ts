/**
 * The versioned, dated price table: data in prices/default.json, which the
 * operator may override with PRICES_FILE.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, errorMessage } from '../domain/errors.js';

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

export const ModelPrice = z.strictObject({
  provider: z.enum(['openai', 'anthropic']),
  input: Rate,
  /** OpenAI cached input, Anthropic cache read. */
  cachedInput: Rate,
  /** Anthropic cache write with a 5-minute TTL; null where the provider has no cache writes. */
  cacheWrite5m: Rate.nullable(),
  cacheWrite1h: Rate.nullable(),
  output: Rate,
  longContext: LongContextRates.optional(),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Per provider, per reported inference geography: a multiplier on every category. */
const GeoMultipliers = z.partialRecord(
  z.enum(['openai', 'anthropic']),
  z.record(z.string(), z.number().positive()),
);

export const PriceTable = z.strictObject({
  version: z.string().min(1),
  effectiveDate: z.iso.date(),
  currency: z.literal('USD'),
  unit: z.literal('per_million_tokens'),
  geoMultipliers: GeoMultipliers,
  models: z.record(z.string().min(1), ModelPrice),
});
export type PriceTable = z.infer<typeof PriceTable>;

/** What PRICES_FILE may hold: a new version and date, and the rows it replaces or adds. */
const PriceOverride = z.strictObject({
  version: z.string().min(1),
  effectiveDate: z.iso.date(),
  currency: z.literal('USD').optional(),
  unit: z.literal('per_million_tokens').optional(),
  geoMultipliers: GeoMultipliers.optional(),
  models: z.record(z.string().min(1), ModelPrice).optional(),
});

const defaultTableUrl = new URL('../../prices/default.json', import.meta.url);

export interface LoadPriceTableOptions {
  /** PRICES_FILE: a JSON file whose rows replace or add to the defaults. */
  readonly overridePath?: string | undefined;
}

export const loadPriceTable = (options: LoadPriceTableOptions = {}): PriceTable => {
  const defaults = PriceTable.parse(JSON.parse(readFileSync(defaultTableUrl, 'utf8')));
  if (options.overridePath === undefined || options.overridePath === '') return defaults;
  const override = readOverride(options.overridePath);
  const geoMultipliers = { ...defaults.geoMultipliers };
  for (const [provider, multipliers] of Object.entries(override.geoMultipliers ?? {})) {
    const key = provider as keyof typeof geoMultipliers;
    geoMultipliers[key] = { ...geoMultipliers[key], ...multipliers };
  }
  return {
    ...defaults,
    version: override.version,
    effectiveDate: override.effectiveDate,
    geoMultipliers,
    models: { ...defaults.models, ...override.models },
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

/** The row for a model; an unknown model is an error, never $0. */
export const requireModel = (table: PriceTable, model: string): ModelPrice => {
  const row = Object.hasOwn(table.models, model) ? table.models[model] : undefined;
  if (row === undefined) {
    throw new Error(
      `unknown model ${model} in price table v${table.version}: add it to PRICES_FILE`,
    );
  }
  return row;
};
