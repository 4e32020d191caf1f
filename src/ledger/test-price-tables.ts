/** Test helper: usage builders and a price table with long-context models beside the defaults. */
import { emptyUsage, type Usage } from '../domain/usage.js';
import { loadPriceTable, type PriceTable } from './price-table.js';

const defaults = loadPriceTable();

/** The defaults plus two long-context models whose long rates are higher than their base rates. */
export const withLongContext: PriceTable = {
  ...defaults,
  models: {
    ...defaults.models,
    'claude-long': {
      provider: 'anthropic',
      input: 3,
      cachedInput: 0.3,
      cacheWrite5m: 3.75,
      cacheWrite1h: 6,
      output: 15,
      longContext: {
        thresholdInputTokens: 200_000,
        input: 6,
        cachedInput: 0.6,
        cacheWrite5m: 7.5,
        cacheWrite1h: 12,
        output: 22.5,
      },
    },
    'gpt-long': {
      provider: 'openai',
      input: 1.75,
      cachedInput: 0.175,
      cacheWrite5m: null,
      cacheWrite1h: null,
      output: 14,
      longContext: {
        thresholdInputTokens: 272_000,
        input: 3.5,
        cachedInput: 0.35,
        cacheWrite5m: null,
        cacheWrite1h: null,
        output: 21,
      },
    },
  },
};

export const openai = (counts: Partial<Usage>): Usage => ({ ...emptyUsage('openai'), ...counts });
export const anthropic = (counts: Partial<Usage>): Usage => ({
  ...emptyUsage('anthropic'),
  ...counts,
});
