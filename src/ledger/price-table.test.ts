import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTempFile } from '../../test/helpers/temp-file.js';
import { loadPriceTable, requireModel } from './price-table.js';

const writeOverride = (content: unknown): string => writeTempFile('prices.json', content);

describe('loadPriceTable', () => {
  it.each([
    ['gpt-5.3-codex', 'openai', 1.75, 0.175, null, null, 14],
    ['claude-opus-4-6', 'anthropic', 5, 0.5, 6.25, 10, 25],
    ['claude-sonnet-4-6', 'anthropic', 3, 0.3, 3.75, 6, 15],
    ['claude-haiku-4-5', 'anthropic', 1, 0.1, 1.25, 2, 5],
    ['claude-opus-5-5', 'anthropic', 4, 0.2, 5, 8, 20],
  ])(
    'ships the 2026-09 default row for %s',
    (model, provider, input, cachedInput, cacheWrite5m, cacheWrite1h, output) => {
      expect(loadPriceTable().models[model]).toEqual({
        provider,
        input,
        cachedInput,
        cacheWrite5m,
        cacheWrite1h,
        output,
      });
    },
  );

  it('dates and versions the defaults and multiplies US-only Anthropic inference by 1.1', () => {
    const table = loadPriceTable({ overridePath: undefined });
    expect(table).toMatchObject({
      version: '2026-09',
      effectiveDate: '2026-09-01',
      currency: 'USD',
      unit: 'per_million_tokens',
      geoMultipliers: { anthropic: { us: 1.1 } },
    });
    expect(Object.keys(table.models)).toHaveLength(5);
  });

  it('lets PRICES_FILE replace and add rows and take over the version and date', () => {
    const table = loadPriceTable({
      overridePath: writeOverride({
        version: '2026-10-acme',
        effectiveDate: '2026-10-01',
        models: {
          'claude-opus-4-6': {
            provider: 'anthropic',
            input: 4,
            cachedInput: 0.4,
            cacheWrite5m: 5,
            cacheWrite1h: 8,
            output: 20,
          },
          'gpt-6': {
            provider: 'openai',
            input: 2,
            cachedInput: 0.2,
            cacheWrite5m: null,
            cacheWrite1h: null,
            output: 16,
            longContext: {
              thresholdInputTokens: 272000,
              input: 4,
              cachedInput: 0.4,
              cacheWrite5m: null,
              cacheWrite1h: null,
              output: 24,
            },
          },
        },
        geoMultipliers: { anthropic: { eu: 1.05 } },
      }),
    });
    expect(table.version).toBe('2026-10-acme');
    expect(table.effectiveDate).toBe('2026-10-01');
    expect(table.models['claude-opus-4-6']?.input).toBe(4);
    expect(table.models['gpt-6']?.longContext?.thresholdInputTokens).toBe(272000);
    expect(table.models['claude-haiku-4-5']?.input).toBe(1);
    expect(table.geoMultipliers.anthropic).toEqual({ us: 1.1, eu: 1.05 });
  });

  it('names the file and the field when an override is invalid', () => {
    const file = writeOverride({
      version: 'x',
      effectiveDate: '2026-10-01',
      models: {
        'gpt-6': {
          provider: 'openai',
          input: 'two',
          cachedInput: 0.2,
          cacheWrite5m: null,
          cacheWrite1h: null,
          output: 16,
        },
      },
    });
    expect(() => loadPriceTable({ overridePath: file })).toThrow(
      new RegExp(`PRICES_FILE ${file} is not a valid price table: models\\.gpt-6\\.input`),
    );
  });

  it('rejects an override without a version, so ledger rows never carry a stale one', () => {
    const file = writeOverride({ effectiveDate: '2026-10-01', models: {} });
    expect(() => loadPriceTable({ overridePath: file })).toThrow(/version/);
  });

  it('rejects an unknown key in an override', () => {
    const file = writeOverride({ version: 'x', effectiveDate: '2026-10-01', modles: {} });
    expect(() => loadPriceTable({ overridePath: file })).toThrow(/modles/);
  });

  it.each([
    ['a missing file', join(tmpdir(), 'no-such-dir-for-prices', 'prices.json')],
    ['a file that is not JSON', writeOverride('{ version: ')],
  ])('reports %s with its path', (_name, file) => {
    expect(() => loadPriceTable({ overridePath: file })).toThrow(
      `PRICES_FILE ${file} could not be read as JSON`,
    );
  });
});

describe('requireModel', () => {
  it('returns the row of a known model', () => {
    expect(requireModel(loadPriceTable(), 'claude-sonnet-4-6').output).toBe(15);
  });

  it.each(['gpt-9', 'constructor', ''])(
    'throws for the unknown model %j instead of pricing it at $0',
    (model) => {
      expect(() => requireModel(loadPriceTable(), model)).toThrow(
        `unknown model ${model} in price table v2026-09: add it to PRICES_FILE`,
      );
    },
  );
});
