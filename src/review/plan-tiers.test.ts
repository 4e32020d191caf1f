import { describe, expect, it } from 'vitest';
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import { testDiff, testFile } from '../classify/test-diff.js';
import type { Classification } from '../domain/classification.js';
import type { Policy } from '../domain/policy.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { estimateCostUsd } from '../ledger/price-usage.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { buildReviewPrompt } from './build-prompt.js';
import { testClassification, testPullRequest } from '../route/test-route-input.js';
import { ESTIMATED_OUTPUT_TOKENS } from './estimates.js';
import { planTiers, tierEstimates } from './plan-tiers.js';
import { DEFAULT_LIMITS } from '../worker/types.js';

const prices = loadPriceTable();

/** `lines` distinct lines of code: about 20 tokens each. */
const lines = (name: string, count: number): string[] =>
  Array.from(
    { length: count },
    (_, i) => `export const ${name}_${i} = compute('${name}', ${i * 31});`,
  );

const files = [
  testFile('src/catalog/entries.ts', { added: lines('ENTRY', 300) }),
  testFile('src/auth/session.ts', { added: lines('SESSION', 5) }),
  testFile('src/catalog/weights.ts', { added: lines('WEIGHT', 300) }),
];
/** Classify ranks the authentication file first. */
const classification: Classification = {
  ...testClassification({ level: 'high' }),
  changedFiles: files.length,
  fileRisk: [
    { path: 'src/auth/session.ts', score: 0.6 },
    { path: 'src/catalog/weights.ts', score: 0.1 },
    { path: 'src/catalog/entries.ts', score: 0.05 },
  ],
};

const plan = (perReviewUsd: number | null) => {
  const planned = planTiers({
    policy: {
      ...DEFAULT_POLICY,
      budget: { ...DEFAULT_POLICY.budget, per_review_usd: perReviewUsd },
    } satisfies Policy,
    classification,
    diff: testDiff(files),
    pr: testPullRequest(),
    prices,
    maxInputTokens: DEFAULT_LIMITS.maxInputTokens,
  });
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value;
};

const deepCost = (inputTokens: number) =>
  estimateCostUsd(prices, 'claude-opus-4-6', {
    inputTokens,
    outputTokens: ESTIMATED_OUTPUT_TOKENS.deep,
  });

describe('planTiers', () => {
  it('prices the whole prompt on each tier when there is no per-review cap', () => {
    const plans = plan(null);
    expect(plans.inputTokens).toBeGreaterThan(10_000);
    expect(plans.deep).toEqual({
      usd: deepCost(plans.inputTokens),
      wholeUsd: deepCost(plans.inputTokens),
      fit: { kind: 'whole' },
      trim: null,
    });
    expect(plans.fast.usd).toBe(
      estimateCostUsd(prices, 'gpt-5.3-codex', {
        inputTokens: plans.inputTokens,
        outputTokens: ESTIMATED_OUTPUT_TOKENS.fast,
      }),
    );
  });

  it('leaves a tier whole when its estimate fits the cap', () => {
    const whole = plan(null);
    expect(plan(whole.deep.usd).deep.fit).toEqual({ kind: 'whole' });
  });

  it('trims a tier over the cap to a token budget whose estimate fits, keeping the most risky file', () => {
    const whole = plan(null);
    const cap = (whole.deep.usd + deepCost(0)) / 2;
    const { deep, fast } = plan(cap);
    expect(deep.fit).toEqual({ kind: 'trimmed' });
    expect(deep.usd).toBeLessThanOrEqual(cap);
    expect(deep.wholeUsd).toBe(whole.deep.usd);
    expect(deep.trim?.capUsd).toBe(cap);
    expect(deepCost(deep.trim?.maxInputTokens ?? Infinity)).toBeLessThanOrEqual(cap);
    expect(deepCost((deep.trim?.maxInputTokens ?? 0) + 1)).toBeGreaterThan(cap);
    expect([...(deep.trim?.wholePaths ?? [])].sort()).toEqual(files.map((f) => f.path).sort());
    const sent = buildReviewPrompt({
      policy: DEFAULT_POLICY,
      classification,
      diff: testDiff(files),
      pr: testPullRequest(),
      route: { tier: 'deep', reason: 'risk high: touches authentication code in src/auth/' },
      maxInputTokens: deep.trim?.maxInputTokens ?? 0,
      formatFile: formatFileForPrompt,
    });
    expect(sent.includedPaths[0]).toBe('src/auth/session.ts');
    expect(sent.omitted.length).toBeGreaterThan(0);
    // The fast tier is cheaper per token: the same cap holds all of it.
    expect(fast.fit).toEqual({ kind: 'whole' });
  });

  it('says a tier is over the cap when not even its most risky file fits, and what that file alone costs', () => {
    const { deep } = plan(deepCost(0) + 0.000_01);
    expect(deep.fit).toEqual({ kind: 'over' });
    expect(deep.trim).toBeNull();
    expect(deep.usd).toBeGreaterThan(deepCost(0));
    // The small authentication file alone: well under half of what the whole prompt's input costs.
    expect(deep.usd - deepCost(0)).toBeLessThan((deep.wholeUsd - deepCost(0)) / 2);
  });

  it('says a tier is over the cap when its expected answer alone costs more', () => {
    expect(plan(0.01).deep.fit).toEqual({ kind: 'over' });
  });

  /** The plans for the default policy with some of its models replaced. */
  const planWithModels = (models: Partial<Policy['models']>) =>
    planTiers({
      policy: { ...DEFAULT_POLICY, models: { ...DEFAULT_POLICY.models, ...models } },
      classification,
      diff: testDiff(files),
      pr: testPullRequest(),
      prices,
      maxInputTokens: DEFAULT_LIMITS.maxInputTokens,
    });

  it('refuses a policy that sends a model to a provider other than its own, before anything is spent', () => {
    const planned = planWithModels({
      fast: { provider: 'anthropic', model: 'gpt-5.3-codex', effort: 'low' },
    });
    expect(planned.ok).toBe(false);
    expect(planned.ok ? '' : planned.error.message).toMatch(
      /models\.fast: gpt-5\.3-codex is an openai model .* fix models\.fast\.provider/,
    );
  });

  it('names a model the price table does not know, as a value rather than an exception', () => {
    const planned = planWithModels({
      deep: { provider: 'anthropic', model: 'claude-unknown-9', effort: 'high' },
    });
    expect(planned).toEqual({
      ok: false,
      error: {
        message: `models.deep: unknown model claude-unknown-9 in price table v${prices.version}: add it to PRICES_FILE`,
      },
    });
  });

  it('names a fallback model the price table does not know: it would be billed as $0', () => {
    const planned = planWithModels({
      deep: {
        ...DEFAULT_POLICY.models.deep,
        fallback: { provider: 'anthropic', model: 'claude-haiku-9', effort: 'high' },
      },
    });
    expect(planned).toEqual({
      ok: false,
      error: {
        message: `models.deep.fallback: unknown model claude-haiku-9 in price table v${prices.version}: add it to PRICES_FILE`,
      },
    });
  });

  it('names every model the price table does not know, fast tier first, not only the first', () => {
    const planned = planWithModels({
      fast: { provider: 'openai', model: 'gpt-unknown-1', effort: 'low' },
      deep: { provider: 'anthropic', model: 'claude-unknown-9', effort: 'high' },
    });
    expect(planned).toEqual({
      ok: false,
      error: {
        message: [
          `models.fast: unknown model gpt-unknown-1 in price table v${prices.version}: add it to PRICES_FILE`,
          `models.deep: unknown model claude-unknown-9 in price table v${prices.version}: add it to PRICES_FILE`,
        ].join('\n'),
      },
    });
  });

  it('hands routing the estimates without the prompt details', () => {
    const plans = plan(null);
    expect(tierEstimates(plans)).toEqual({
      fast: { usd: plans.fast.usd, wholeUsd: plans.fast.wholeUsd, fit: { kind: 'whole' } },
      deep: { usd: plans.deep.usd, wholeUsd: plans.deep.wholeUsd, fit: { kind: 'whole' } },
    });
  });
});
