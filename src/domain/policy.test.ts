import { describe, expect, it } from 'vitest';
import { fallbackChoice, type ModelSpec } from './policy.js';

const deep: ModelSpec = { provider: 'anthropic', model: 'claude-opus-4-6', effort: 'max' };
const fast: ModelSpec = { provider: 'openai', model: 'gpt-5.3-codex', effort: 'high' };

describe('fallbackChoice', () => {
  it('is null without a fallback', () => {
    expect(fallbackChoice(deep)).toBeNull();
    expect(fallbackChoice({ ...deep, fallback: null })).toBeNull();
  });

  it('keeps the effort the policy gives the fallback', () => {
    const fallback = { provider: 'openai', model: 'gpt-5.3-codex', effort: 'low' } as const;
    expect(fallbackChoice({ ...deep, fallback })).toEqual(fallback);
  });

  it("gives a fallback without an effort its tier's, where its provider takes it", () => {
    const fallback = { provider: 'anthropic', model: 'claude-sonnet-4-6' } as const;
    expect(fallbackChoice({ ...fast, fallback })).toEqual({ ...fallback, effort: 'high' });
  });

  it("gives it medium where its provider does not take the tier's effort", () => {
    const fallback = { provider: 'openai', model: 'gpt-5.3-codex' } as const;
    expect(fallbackChoice({ ...deep, fallback })).toEqual({ ...fallback, effort: 'medium' });
  });
});
