import { describe, expect, it } from 'vitest';
import type { RepoRef } from '../github/types.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { loadPolicy, type PolicySource } from './load-policy.js';
import { load, PATH, policyOf, REPO, yaml } from './test-policy-source.js';

describe('loadPolicy', () => {
  it('returns the default policy when no repository has a policy file', async () => {
    const { result, reads } = await load({});
    expect(result).toEqual({ ok: true, value: DEFAULT_POLICY });
    expect(reads).toEqual([]);
  });

  it('asks the port for .github/review-router.yml of the repository', async () => {
    const asked: [RepoRef, string][] = [];
    const source: PolicySource = {
      loadConfig: (ref, path) => {
        asked.push([ref, path]);
        return Promise.resolve({ files: [] });
      },
      readFile: () => Promise.resolve(null),
    };
    await loadPolicy(source, REPO);
    expect(asked).toEqual([[REPO, PATH]]);
  });

  it("layers the repository's own file over the defaults", async () => {
    const policy = await policyOf({ [`acme/api:${PATH}`]: yaml('review:', '  max_comments: 5') });
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      review: { ...DEFAULT_POLICY.review, max_comments: 5 },
    });
  });

  it("falls back to the org's .github repository when the repository has no file", async () => {
    const policy = await policyOf({ [`acme/.github:${PATH}`]: yaml('enabled: false') });
    expect(policy.enabled).toBe(false);
  });

  it('lets the repository override the org file it extends, keeping what it does not set', async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml(
        '_extends: .github',
        'routing:',
        '  rules: [{ when: { paths: ["src/auth/**"] }, tier: deep }]',
        'review:',
        '  max_comments: 5',
      ),
      [`acme/.github:${PATH}`]: yaml(
        'routing:',
        '  rules: [{ when: { labels: [org-deep] }, tier: deep }]',
        '  default: deep',
        'review:',
        '  max_comments: 50',
        '  min_severity: error',
      ),
    });
    expect(policy.routing).toEqual({
      rules: [{ when: { paths: ['src/auth/**'] }, tier: 'deep' }],
      default: 'deep',
      escalate: true,
    });
    expect(policy.review).toMatchObject({ max_comments: 5, min_severity: 'error' });
  });

  it('follows an _extends chain through several files, nearest file winning', async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'budget: { monthly_usd: 10 }'),
      [`acme/.github:${PATH}`]: yaml(
        '_extends: acme/policies:base.yml',
        'budget: { monthly_usd: 100, when_exceeded: skip }',
      ),
      'acme/policies:base.yml': yaml('budget: { monthly_usd: 1000, per_review_usd: 2 }'),
    });
    expect(policy.budget).toEqual({
      monthly_usd: 10,
      org_monthly_usd: null,
      per_review_usd: 2,
      per_pull_request_usd: null,
      alert_at: [0.5, 0.75, 0.9, 1],
      when_exceeded: 'skip',
    });
  });

  it.each([
    ['extends the org file', { [`acme/api:${PATH}`]: yaml('_extends: .github', 'enabled: true') }],
    ['has no file of its own', {}],
  ])("gives a repository that %s the org's monthly cap", async (_case, repoFiles) => {
    const policy = await policyOf({
      ...repoFiles,
      [`acme/.github:${PATH}`]: yaml('budget: { org_monthly_usd: 500 }'),
    });
    expect(policy.budget.org_monthly_usd).toBe(500);
    expect(policy.budget.monthly_usd).toBeNull();
  });

  it("does not give a repository with a file of its own and no _extends the org's cap", async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml('enabled: true'),
      [`acme/.github:${PATH}`]: yaml('budget: { org_monthly_usd: 500 }'),
    });
    expect(policy.budget.org_monthly_usd).toBeNull();
  });
});
