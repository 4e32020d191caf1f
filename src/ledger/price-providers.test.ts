import { describe, expect, it } from 'vitest';
import { writeTempFile } from '../../test/helpers/temp-file.js';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { loadPriceTable, requireModel } from './price-table.js';
import { estimateCostUsd, priceUsage } from './price-usage.js';

const defaults = loadPriceTable();

const writeOverride = (content: unknown): string => writeTempFile('prices.json', content);

/** One million input and one million output tokens: the cost is the two rates added. */
const million = (usage: Partial<Usage> & Pick<Usage, 'provider'>): Usage => ({
  ...emptyUsage(usage.provider),
  inputTokens: 1_000_000,
  outputTokens: 1_000_000,
  ...usage,
});

const cost = (model: string, usage: Usage, discount?: 'batch' | null): number => {
  const priced = priceUsage(defaults, model, usage, discount === undefined ? {} : { discount });
  if (!priced.ok) throw new Error(priced.error);
  return priced.value.costUsd;
};

describe('prices per provider', () => {
  it.each([
    ['azure-openai', 'gpt-5.3-codex', 1.75 + 14],
    ['bedrock', 'global.anthropic.claude-opus-4-6-v1', 5 + 25],
    ['bedrock', 'us.anthropic.claude-opus-4-6-v1', (5 + 25) * 1.1],
    ['bedrock', 'eu.anthropic.claude-sonnet-4-6', (3 + 15) * 1.1],
    ['vertex', 'claude-opus-4-6', 5 + 25],
  ] as const)('prices %s %s from its own section', (provider, model, expected) => {
    expect(cost(model, million({ provider }))).toBeCloseTo(expected, 9);
  });

  it('prices Vertex AI by the region that served the request: global at list, a region 10% above', () => {
    const usage = million({ provider: 'vertex' });
    expect(cost('claude-sonnet-4-6', { ...usage, region: 'global' })).toBeCloseTo(18, 9);
    expect(cost('claude-sonnet-4-6', { ...usage, region: 'us-east5' })).toBeCloseTo(19.8, 9);
  });

  it('counts Bedrock and Vertex usage as Anthropic does: cache reads and writes on top of input', () => {
    const usage = {
      ...emptyUsage('bedrock'),
      inputTokens: 1_000_000,
      cachedInputTokens: 1_000_000,
      cacheWriteTokens: 1_000_000,
      cacheWrite5mTokens: 1_000_000,
    };
    expect(cost('global.anthropic.claude-opus-4-6-v1', usage)).toBeCloseTo(5 + 0.5 + 6.25, 9);
  });

  it('counts Azure and OpenAI-compatible usage as OpenAI does: cached tokens inside input', () => {
    const usage = {
      ...emptyUsage('azure-openai'),
      inputTokens: 1_000_000,
      cachedInputTokens: 400_000,
    };
    expect(cost('gpt-5.3-codex', usage)).toBeCloseTo(0.6 * 1.75 + 0.4 * 0.175, 9);
  });

  it('halves a request the flex tier served, and one sent as a batch', () => {
    const usage = million({ provider: 'openai' });
    expect(cost('gpt-5.3-codex', { ...usage, serviceTier: 'flex' })).toBeCloseTo(7.875, 9);
    expect(cost('gpt-5.3-codex', { ...usage, serviceTier: 'default' })).toBeCloseTo(15.75, 9);
    expect(cost('claude-opus-4-6', million({ provider: 'anthropic' }), 'batch')).toBeCloseTo(15, 9);
    expect(
      cost('claude-opus-4-6', { ...million({ provider: 'anthropic' }), serviceTier: 'batch' }),
    ).toBeCloseTo(15, 9);
  });

  it('estimates on the provider and discount the policy asks for', () => {
    const tokens = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect(
      estimateCostUsd(defaults, 'us.anthropic.claude-opus-4-6-v1', tokens, { provider: 'bedrock' }),
    ).toBeCloseTo(33, 9);
    expect(estimateCostUsd(defaults, 'gpt-5.3-codex', tokens, { discount: 'flex' })).toBeCloseTo(
      7.875,
      9,
    );
  });

  it('refuses a model its provider has no row for, naming the section of PRICES_FILE to add', () => {
    expect(() => requireModel(defaults, 'claude-opus-4-6', 'bedrock')).toThrow(
      'unknown model claude-opus-4-6 for provider bedrock in price table v2026-09: add it to PRICES_FILE under providers.bedrock.models',
    );
    const priced = priceUsage(
      defaults,
      'qwen2.5-coder:32b',
      million({ provider: 'openai-compatible' }),
    );
    expect(priced).toEqual({
      ok: false,
      error: expect.stringContaining(
        'add it to PRICES_FILE under providers.openai-compatible.models (prices/default.json shows the format; a self-hosted model is free only with every rate set to 0)',
      ),
    });
  });

  it('prices a self-hosted model at $0 only from a row the operator wrote, and adds to the defaults', () => {
    const overridePath = writeOverride({
      version: '2026-12-local',
      effectiveDate: '2026-12-01',
      providers: {
        'openai-compatible': {
          models: {
            'qwen2.5-coder:32b': {
              input: 0,
              cachedInput: 0,
              cacheWrite5m: null,
              cacheWrite1h: null,
              output: 0,
            },
          },
        },
        bedrock: {
          models: {
            'jp.anthropic.claude-opus-4-6-v1': {
              input: 5.5,
              cachedInput: 0.55,
              cacheWrite5m: 6.875,
              cacheWrite1h: 11,
              output: 27.5,
            },
          },
        },
      },
    });
    const table = loadPriceTable({ overridePath });

    expect(
      priceUsage(table, 'qwen2.5-coder:32b', million({ provider: 'openai-compatible' })),
    ).toEqual({
      ok: true,
      value: { costUsd: 0, version: '2026-12-local' },
    });
    expect(requireModel(table, 'jp.anthropic.claude-opus-4-6-v1', 'bedrock').output).toBe(27.5);
    expect(requireModel(table, 'global.anthropic.claude-opus-4-6-v1', 'bedrock').output).toBe(25);
    expect(table.providers?.vertex?.regionMultipliers).toEqual({ global: 1, '*': 1.1 });
  });

  it('keeps the OpenAI and Anthropic rows where they were, whatever provider asks', () => {
    expect(requireModel(defaults, 'claude-opus-4-6', 'vertex')).toMatchObject({
      provider: 'vertex',
      output: 25,
    });
    expect(requireModel(defaults, 'claude-opus-4-6')).toMatchObject({ provider: 'anthropic' });
  });
});
