/**
 * The price table shipped in prices/default.json, read without its schema: the file is part of
 * the package, and `default-prices.test.ts` checks that the schema accepts it unchanged.
 * `loadPriceTable` validates it (and any PRICES_FILE) with the schema.
 */
import { readFileSync } from 'node:fs';
import type { PriceTable } from './price-table.js';

const defaultTableUrl = new URL('../../prices/default.json', import.meta.url);

/** The shipped file's JSON, not yet validated. */
export const readDefaultPriceJson = (): unknown =>
  JSON.parse(readFileSync(defaultTableUrl, 'utf8'));

/** The shipped table as it is, for a command that prices with the defaults and loads no zod. */
export const readDefaultPriceTable = (): PriceTable => readDefaultPriceJson() as PriceTable;
