import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { EFFORTS_BY_PROVIDER } from '../domain/policy.js';
import { PolicyFile } from './schema.js';

const rule = (extra: object = {}, when: object = {}) => ({ when, tier: 'deep', ...extra });

describe('PolicyFile', () => {
  it('accepts the default policy written out as a file', () => {
    expect(PolicyFile.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });

  it('accepts an empty file', () => {
    expect(PolicyFile.parse({})).toEqual({});
  });

  it.each([
    { at: 'the top level', input: { bogus: 1 }, path: [] },
    { at: 'models', input: { models: { bogus: 1 } }, path: ['models'] },
    { at: 'a model', input: { models: { fast: { bogus: 1 } } }, path: ['models', 'fast'] },
    { at: 'routing', input: { routing: { bogus: 1 } }, path: ['routing'] },
    {
      at: 'a rule',
      input: { routing: { rules: [rule({ bogus: 1 })] } },
      path: ['routing', 'rules', 0],
    },
    {
      at: "a rule's conditions",
      input: { routing: { rules: [rule({}, { bogus: 1 })] } },
      path: ['routing', 'rules', 0, 'when'],
    },
    {
      at: "a rule's changed_lines",
      input: { routing: { rules: [rule({}, { changed_lines: { bogus: 1 } })] } },
      path: ['routing', 'rules', 0, 'when', 'changed_lines'],
    },
    { at: 'skip', input: { skip: { bogus: 1 } }, path: ['skip'] },
    { at: 'risk', input: { risk: { bogus: 1 } }, path: ['risk'] },
    { at: 'risk levels', input: { risk: { levels: { bogus: 1 } } }, path: ['risk', 'levels'] },
    { at: 'size', input: { size: { bogus: 1 } }, path: ['size'] },
    {
      at: 'size thresholds',
      input: { size: { changed_lines: { bogus: 1 } } },
      path: ['size', 'changed_lines'],
    },
    { at: 'review', input: { review: { bogus: 1 } }, path: ['review'] },
    {
      at: 'a path instruction',
      input: { review: { path_instructions: [{ paths: ['a'], instructions: 'b', bogus: 1 }] } },
      path: ['review', 'path_instructions', 0],
    },
    { at: 'budget', input: { budget: { bogus: 1 } }, path: ['budget'] },
  ])('rejects an unknown key at $at', ({ input, path }) => {
    const result = PolicyFile.safeParse(input);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['bogus'], path }),
    ]);
  });

  const providers = ['openai', 'anthropic'] as const;
  const efforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
  it.each(
    providers.flatMap((provider) =>
      efforts.map((effort) => ({
        provider,
        effort,
        accepted: (EFFORTS_BY_PROVIDER[provider] as readonly string[]).includes(effort),
      })),
    ),
  )('takes effort $effort for provider $provider: $accepted', ({ provider, effort, accepted }) => {
    const result = PolicyFile.safeParse({ models: { deep: { provider, model: 'm', effort } } });
    expect(result.success).toBe(accepted);
  });

  it.each([
    { provider: 'openai', efforts: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] },
    { provider: 'anthropic', efforts: ['low', 'medium', 'high', 'max'] },
  ] as const)('lists the efforts $provider takes', ({ provider, efforts: expected }) => {
    expect(EFFORTS_BY_PROVIDER[provider]).toEqual(expected);
  });

  it.each([
    { input: { budget: { monthly_usd: 0, per_review_usd: null } }, accepted: true },
    { input: { budget: { monthly_usd: -0.01 } }, accepted: false },
    { input: { budget: { org_monthly_usd: 500 } }, accepted: true },
    { input: { budget: { org_monthly_usd: null } }, accepted: true },
    { input: { budget: { org_monthly_usd: -1 } }, accepted: false },
    { input: { budget: { org_monthly_usd: '500' } }, accepted: false },
    { input: { budget: { per_pull_request_usd: 2.5 } }, accepted: true },
    { input: { budget: { per_pull_request_usd: -1 } }, accepted: false },
    { input: { budget: { alert_at: [0.5, 1] } }, accepted: true },
    { input: { budget: { alert_at: [] } }, accepted: true },
    { input: { budget: { alert_at: [0] } }, accepted: false },
    { input: { budget: { alert_at: [1.5] } }, accepted: false },
    { input: { budget: { alert_at: [0.5, 0.5] } }, accepted: false },
    {
      input: { budget: { alert_at: Array.from({ length: 10 }, (_, i) => (i + 1) / 10) } },
      accepted: true,
    },
    {
      input: { budget: { alert_at: Array.from({ length: 11 }, (_, i) => (i + 1) / 11) } },
      accepted: false,
    },
    { input: { routing: { rules: [{ when: {}, tier: 'fast', mode: 'batch' }] } }, accepted: true },
    { input: { routing: { rules: [{ when: {}, tier: 'fast', mode: 'later' }] } }, accepted: false },
    { input: { routing: { rules: [{ when: {}, tier: 'skip', mode: 'batch' }] } }, accepted: false },
    { input: { review: { max_comments: 0 } }, accepted: true },
    { input: { review: { max_comments: 101 } }, accepted: false },
    { input: { risk: { levels: { medium: 0, high: 0.5, critical: 1 } } }, accepted: true },
    { input: { risk: { levels: { medium: 0.5, high: 0.5 } } }, accepted: false },
    { input: { risk: { levels: { medium: 0.6, critical: 0.5 } } }, accepted: false },
    { input: { size: { changed_lines: { S: 1, M: 2, L: 3, XL: 4 } } }, accepted: true },
    { input: { size: { changed_lines: { L: 500, XL: 500 } } }, accepted: false },
    {
      // The narrowest range a change can fall in: 11 lines, more than 10 and fewer than 12.
      input: { routing: { rules: [rule({}, { changed_lines: { over: 10, under: 12 } })] } },
      accepted: true,
    },
    {
      input: { routing: { rules: [rule({}, { changed_lines: { over: 10, under: 11 } })] } },
      accepted: false,
    },
    { input: { routing: { rules: [rule({}, { changed_lines: { under: 0 } })] } }, accepted: false },
    { input: { routing: { rules: [{ when: {}, tier: 'skip' }] } }, accepted: true },
    { input: { routing: { default: 'skip' } }, accepted: false },
    { input: { _extends: 'acme/.github:policies/review.yml' }, accepted: true },
    { input: { _extends: 3 }, accepted: false },
    { input: { models: { fast: { model: '' } } }, accepted: false },
  ])('bounds values: $input is accepted: $accepted', ({ input, accepted }) => {
    expect(PolicyFile.safeParse(input).success).toBe(accepted);
  });
});

describe('models.<tier>.fallback', () => {
  it('accepts a complete failover model and null', () => {
    expect(
      PolicyFile.safeParse({
        models: {
          fast: { fallback: { provider: 'anthropic', model: 'claude-haiku-4-5', effort: 'low' } },
        },
      }).success,
    ).toBe(true);
    expect(PolicyFile.safeParse({ models: { deep: { fallback: null } } }).success).toBe(true);
  });

  it("accepts a failover model without an effort: it takes its tier's", () => {
    const fallback = { provider: 'openai', model: 'gpt-5.3-codex' };
    expect(PolicyFile.safeParse({ models: { deep: { fallback } } }).success).toBe(true);
  });

  it.each([
    [{ provider: 'anthropic' }, 'model'],
    [{ model: 'claude-haiku-4-5' }, 'provider'],
    [{ provider: 'anthropic', model: 'claude-haiku-4-5', effort: 'xhigh' }, 'effort'],
    [{ provider: 'openai', model: 'gpt-5.3-codex', effort: 'low', extra: 1 }, ''],
  ])('rejects the failover model %j', (fallback, path) => {
    const parsed = PolicyFile.safeParse({ models: { fast: { fallback } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toContain(
      `models.fast.fallback${path ? `.${path}` : ''}`,
    );
  });
});
