/**
 * Usage -> dollars. Each token is priced exactly once, in the category the
 * provider put it in; see src/domain/usage.ts for how the providers count. A discount (flex,
 * batch) scales the whole request, after the region's and the geography's multipliers.
 */
import { errorMessage } from '../domain/errors.js';
import type { ProviderId } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import { countsLike, discountOf, emptyUsage, type Discount, type Usage } from '../domain/usage.js';
import { discountShare, regionMultiplier, requireModel } from './price-rows.js';
import type { LongContextRates, ModelPrice, PriceTable } from './price-table.js';

export interface PricedUsage {
  readonly costUsd: number;
  /** The price table version the cost was computed with (stored as priceVersion). */
  readonly version: string;
}

type Rates = Omit<LongContextRates, 'thresholdInputTokens'>;

/** Tokens per billing category, each token in exactly one. */
interface TokenCategories {
  readonly input: number;
  readonly cachedInput: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly output: number;
}

const NANO_PER_USD = 1e9;

/** Dollars rounded to whole nano-dollars, so float noise never reaches the ledger. */
export const roundUsd = (usd: number): number => Math.round(usd * NANO_PER_USD) / NANO_PER_USD;

export interface PriceUsageOptions {
  /**
   * The discount billed: `batch` for a request sent through a batch API, which its usage may not
   * say. Absent: what the usage's service tier says (`flex`, `batch`), else none.
   */
  readonly discount?: Discount | null;
}

export const priceUsage = (
  table: PriceTable,
  model: string,
  usage: Usage,
  options: PriceUsageOptions = {},
): Result<PricedUsage, string> => {
  let row: ModelPrice;
  try {
    row = requireModel(table, model, usage.provider);
  } catch (error) {
    return err(errorMessage(error));
  }
  if (row.provider !== usage.provider) {
    return err(
      `model ${model} is priced as ${row.provider} in price table v${table.version} but its usage came from ${usage.provider}: fix the model's provider in PRICES_FILE`,
    );
  }
  const invalid = findInvalidCount(usage);
  if (invalid !== null) return err(`usage for ${model} has an invalid ${invalid}`);
  if (countsLike(usage.provider) === 'openai' && usage.cachedInputTokens > usage.inputTokens) {
    return err(
      `usage for ${model} reports ${usage.cachedInputTokens} cached tokens out of ${usage.inputTokens} input tokens: OpenAI input tokens include cached ones`,
    );
  }

  const tokens = categorize(usage);
  const rates = chooseRates(row, promptTokens(usage));
  if (tokens.cacheWrite5m > 0 && rates.cacheWrite5m === null) {
    return err(noCacheWriteRate(model, table, '5-minute'));
  }
  if (tokens.cacheWrite1h > 0 && rates.cacheWrite1h === null) {
    return err(noCacheWriteRate(model, table, '1-hour'));
  }
  const nanoUsd =
    (tokens.input * rates.input +
      tokens.cachedInput * rates.cachedInput +
      tokens.cacheWrite5m * (rates.cacheWrite5m ?? 0) +
      tokens.cacheWrite1h * (rates.cacheWrite1h ?? 0) +
      tokens.output * rates.output) *
    (NANO_PER_USD / 1e6) *
    geoMultiplier(table, row, usage.inferenceGeo) *
    regionMultiplier(table, usage.provider, usage.region) *
    discountShare(table, options.discount === undefined ? discountOf(usage) : options.discount);
  return ok({ costUsd: Math.round(nanoUsd) / NANO_PER_USD, version: table.version });
};

/**
 * What prompt caching saved on one request (negative: what it cost): the same usage priced as if
 * every cache read and cache write had been plain input, less what it was priced at. Everything
 * else (geography, region, discount, a long-context rate) is applied to both alike.
 */
export const cacheSavingsUsd = (
  table: PriceTable,
  model: string,
  usage: Usage,
  options: PriceUsageOptions = {},
): Result<number, string> => {
  const priced = priceUsage(table, model, usage, options);
  if (!priced.ok) return priced;
  const uncached: Usage = {
    ...usage,
    inputTokens: promptTokens(usage),
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
  };
  const plain = priceUsage(table, model, uncached, options);
  if (!plain.ok) return plain;
  return ok(roundUsd(plain.value.costUsd - priced.value.costUsd));
};

export interface EstimateOptions {
  /** Where the model runs; absent: the provider of its `models` row. */
  readonly provider?: ProviderId;
  /** The discount the request will get (flex, batch), if any. */
  readonly discount?: Discount | null;
}

/** A pre-call estimate: plain input and output tokens, no cache, no geography. */
export const estimateCostUsd = (
  table: PriceTable,
  model: string,
  tokens: { readonly inputTokens: number; readonly outputTokens: number },
  options: EstimateOptions = {},
): number => {
  const { provider } = requireModel(table, model, options.provider);
  const priced = priceUsage(
    table,
    model,
    {
      ...emptyUsage(provider),
      inputTokens: tokens.inputTokens,
      outputTokens: tokens.outputTokens,
    },
    { discount: options.discount ?? null },
  );
  if (!priced.ok) throw new Error(priced.error);
  return priced.value.costUsd;
};

const categorize = (usage: Usage): TokenCategories => {
  if (countsLike(usage.provider) === 'openai') {
    // input includes cached; output includes reasoning (never added again).
    return {
      input: usage.inputTokens - usage.cachedInputTokens,
      cachedInput: usage.cachedInputTokens,
      cacheWrite5m: usage.cacheWrite5mTokens,
      cacheWrite1h: usage.cacheWrite1hTokens,
      output: usage.outputTokens,
    };
  }
  const writes = cacheWrites(usage);
  return {
    input: usage.inputTokens,
    cachedInput: usage.cachedInputTokens,
    cacheWrite5m: writes.fiveMinutes,
    cacheWrite1h: writes.oneHour,
    output: usage.outputTokens,
  };
};

/**
 * Anthropic's cache writes by lifetime. The total (`cache_creation_input_tokens`) counts every
 * written token once: writes the split leaves out bill at 5 minutes, and a split that adds up to
 * more than a reported total is cut to it (the 1-hour writes, the dearer, kept first), so no token
 * is priced twice. A split without a total is taken as given.
 */
const cacheWrites = (usage: Usage): { fiveMinutes: number; oneHour: number } => {
  const total = usage.cacheWriteTokens;
  const split = usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;
  if (split <= total)
    return {
      fiveMinutes: usage.cacheWrite5mTokens + total - split,
      oneHour: usage.cacheWrite1hTokens,
    };
  if (total === 0)
    return { fiveMinutes: usage.cacheWrite5mTokens, oneHour: usage.cacheWrite1hTokens };
  const oneHour = Math.min(usage.cacheWrite1hTokens, total);
  return { fiveMinutes: total - oneHour, oneHour };
};

/** The prompt size that decides the long-context rate. */
const promptTokens = (usage: Usage): number =>
  countsLike(usage.provider) === 'openai'
    ? usage.inputTokens
    : usage.inputTokens + usage.cachedInputTokens + totalOf(cacheWrites(usage));

const totalOf = (writes: { fiveMinutes: number; oneHour: number }): number =>
  writes.fiveMinutes + writes.oneHour;

const chooseRates = (row: ModelPrice, prompt: number): Rates =>
  row.longContext !== undefined && prompt > row.longContext.thresholdInputTokens
    ? row.longContext
    : row;

const geoMultiplier = (table: PriceTable, row: ModelPrice, geo: string | null): number => {
  const multipliers = table.geoMultipliers[row.provider];
  if (geo === null || multipliers === undefined || !Object.hasOwn(multipliers, geo)) return 1;
  return multipliers[geo] ?? 1;
};

const COUNT_FIELDS = [
  'inputTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'outputTokens',
  'reasoningTokens',
] as const satisfies readonly (keyof Usage)[];

const findInvalidCount = (usage: Usage): string | null => {
  const field = COUNT_FIELDS.find((name) => !Number.isSafeInteger(usage[name]) || usage[name] < 0);
  return field === undefined
    ? null
    : `${field} (${usage[field]}): token counts are whole numbers >= 0`;
};

const noCacheWriteRate = (model: string, table: PriceTable, ttl: string): string =>
  `model ${model} has no ${ttl} cache-write rate in price table v${table.version} but its usage reports cache writes: add the rate to PRICES_FILE`;
