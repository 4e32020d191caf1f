import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { resolvePolicy } from './resolve-policy.js';

describe('resolvePolicy', () => {
  it('resolves no files to the default policy', () => {
    expect(resolvePolicy([])).toEqual(DEFAULT_POLICY);
  });

  it('passes over layers that are null or undefined (no file there)', () => {
    expect(resolvePolicy([null, { enabled: false }, undefined])).toEqual({
      ...DEFAULT_POLICY,
      enabled: false,
    });
  });

  it('replaces arrays instead of concatenating them, so rules are never duplicated', () => {
    const rules = [{ when: { labels: ['review:deep'] }, tier: 'deep' }];
    const policy = resolvePolicy([{ routing: { rules } }, { skip: { labels: ['wip'] } }]);
    expect(policy.routing.rules).toEqual(rules);
    expect(policy.skip.labels).toEqual(['wip']);
  });

  it('lets an empty list clear a default list', () => {
    expect(resolvePolicy([{ routing: { rules: [] } }]).routing.rules).toEqual([]);
  });

  it('keeps the default fields of a model the file gives only partly', () => {
    expect(resolvePolicy([{ models: { fast: { model: 'gpt-5.4-mini' } } }]).models).toEqual({
      fast: { provider: 'openai', model: 'gpt-5.4-mini', effort: 'low' },
      deep: DEFAULT_POLICY.models.deep,
    });
  });

  it.each([
    { layers: [{ enabled: false }, { enabled: true }], expected: true },
    { layers: [{ enabled: true }, { enabled: false }], expected: false },
  ])('lets the later (child) layer win: $layers', ({ layers, expected }) => {
    expect(resolvePolicy(layers).enabled).toBe(expected);
  });

  it('merges nested objects key by key across layers', () => {
    const policy = resolvePolicy([
      { review: { max_comments: 10, min_severity: 'error' } },
      { review: { max_comments: 3 } },
    ]);
    expect(policy.review).toEqual({
      ...DEFAULT_POLICY.review,
      max_comments: 3,
      min_severity: 'error',
    });
  });

  it("replaces a fallback whole: the org's effort does not stay on the repository's other provider", () => {
    const org = {
      models: {
        deep: { fallback: { provider: 'anthropic', model: 'claude-haiku-4-5', effort: 'max' } },
      },
    };
    const repo = { models: { deep: { fallback: { provider: 'openai', model: 'gpt-5.3-codex' } } } };
    expect(resolvePolicy([org, repo]).models.deep.fallback).toEqual({
      provider: 'openai',
      model: 'gpt-5.3-codex',
    });
  });

  it('lets null set a budget back to no cap', () => {
    const policy = resolvePolicy([
      { budget: { monthly_usd: 100 } },
      { budget: { monthly_usd: null } },
    ]);
    expect(policy.budget.monthly_usd).toBeNull();
  });

  it("keeps the org's monthly cap when a repository's file sets only its own", () => {
    const policy = resolvePolicy([
      { budget: { org_monthly_usd: 500, when_exceeded: 'skip' } },
      { budget: { monthly_usd: 50 } },
    ]);
    expect(policy.budget).toEqual({
      monthly_usd: 50,
      org_monthly_usd: 500,
      per_review_usd: null,
      per_pull_request_usd: null,
      alert_at: [0.5, 0.75, 0.9, 1],
      when_exceeded: 'skip',
    });
  });

  it('never treats _extends as a setting', () => {
    const policy = resolvePolicy([{ _extends: 'acme/.github', enabled: false }]);
    expect(policy).toEqual({ ...DEFAULT_POLICY, enabled: false });
  });

  it('leaves the default policy untouched', () => {
    const before = structuredClone(DEFAULT_POLICY);
    resolvePolicy([{ models: { fast: { effort: 'high' } }, risk: { levels: { critical: 0.9 } } }]);
    expect(DEFAULT_POLICY).toEqual(before);
  });

  it('throws on a file that was not validated first', () => {
    expect(() => resolvePolicy([{ enabeld: false }])).toThrow();
  });
});
