import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { parsePolicyText } from './parse-policy-text.js';

const FILE = '.github/review-router.yml';
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/policies/${name}`, import.meta.url), 'utf8');

const policyOf = (text: string) => {
  const result = parsePolicyText(text, FILE);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  return result.value;
};

describe('parsePolicyText with a valid file', () => {
  it.each([
    { case: 'an empty file', text: '' },
    { case: 'a file with only comments', text: yaml('# nothing here yet', '   # still nothing') },
    { case: 'an empty mapping', text: '{}\n' },
  ])('resolves $case to the default policy', ({ text }) => {
    expect(policyOf(text)).toEqual(DEFAULT_POLICY);
  });

  it('resolves the documented defaults, written out in full, to the default policy', () => {
    expect(policyOf(fixture('defaults.yml'))).toEqual(DEFAULT_POLICY);
  });

  it('keeps every value a file sets away from the defaults', () => {
    const policy = policyOf(fixture('everything-set.yml'));
    expect(policy.models.deep).toEqual({
      provider: 'openai',
      model: 'gpt-5.3-codex',
      effort: 'xhigh',
    });
    expect(policy.routing.rules).toHaveLength(2);
    expect(policy.routing.rules[0]?.when.changed_lines).toEqual({ over: 10, under: 5000 });
    expect(policy.skip).toEqual({ drafts: false, labels: [], authors: [], only_paths: [] });
    expect(policy.review.instructions).toBe('We use tabs. Do not comment on formatting.\n');
    expect(policy.budget).toEqual({
      monthly_usd: 200,
      org_monthly_usd: null,
      per_review_usd: 1.5,
      per_pull_request_usd: null,
      alert_at: [0.5, 0.75, 0.9, 1],
      when_exceeded: 'skip',
    });
  });

  it('fills the keys a file leaves out from the defaults', () => {
    const policy = policyOf(yaml('review:', '  max_comments: 5'));
    expect(policy.review).toEqual({ ...DEFAULT_POLICY.review, max_comments: 5 });
    expect(policy.routing).toEqual(DEFAULT_POLICY.routing);
  });

  it('keeps the default provider and model when only the effort is given', () => {
    const policy = policyOf(yaml('models:', '  fast: { effort: xhigh }'));
    expect(policy.models.fast).toEqual({
      provider: 'openai',
      model: 'gpt-5.3-codex',
      effort: 'xhigh',
    });
  });

  it('replaces the default routing rules with the ones the file lists', () => {
    const policy = policyOf(
      yaml('routing:', '  rules:', '    - { when: { paths: ["infra/**"] }, tier: deep }'),
    );
    expect(policy.routing.rules).toEqual([{ when: { paths: ['infra/**'] }, tier: 'deep' }]);
  });

  it('accepts a provider change that names its model and a matching effort', () => {
    const policy = policyOf(
      yaml('models:', '  fast: { provider: anthropic, model: claude-haiku-4-5, effort: max }'),
    );
    expect(policy.models.fast).toEqual({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      effort: 'max',
    });
  });

  it('accepts _extends at the top level without treating it as a setting', () => {
    const policy = policyOf(yaml('_extends: .github', 'enabled: false'));
    expect(policy).toEqual({ ...DEFAULT_POLICY, enabled: false });
    expect(policy).not.toHaveProperty('_extends');
  });
});
