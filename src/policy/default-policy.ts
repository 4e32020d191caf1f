/** The policy every repository gets under its own file; docs/policy.md writes it out. */
import type { Policy } from '../domain/policy.js';

export const DEFAULT_POLICY: Policy = {
  enabled: true,
  models: {
    fast: { provider: 'openai', model: 'gpt-5.3-codex', effort: 'low' },
    deep: { provider: 'anthropic', model: 'claude-opus-4-6', effort: 'high' },
  },
  routing: {
    rules: [
      { when: { labels: ['review:deep'] }, tier: 'deep' },
      { when: { risk: ['medium', 'high', 'critical'] }, tier: 'deep' },
      { when: { size: ['XL'] }, tier: 'deep' },
    ],
    default: 'fast',
    escalate: true,
  },
  skip: {
    drafts: true,
    labels: ['review:skip'],
    authors: ['dependabot[bot]', 'renovate[bot]'],
    only_paths: ['**/*.md', 'docs/**'],
  },
  risk: {
    sensitive_paths: [],
    levels: { medium: 0.18, high: 0.6, critical: 0.85 },
  },
  size: {
    changed_lines: { S: 50, M: 250, L: 1000, XL: 4000 },
  },
  review: {
    ignore_paths: ['**/*.lock', '**/package-lock.json', 'dist/**', '**/*.min.js'],
    max_comments: 25,
    min_severity: 'warning',
    instructions: '',
    path_instructions: [],
  },
  budget: {
    monthly_usd: null,
    org_monthly_usd: null,
    per_review_usd: null,
    per_pull_request_usd: null,
    alert_at: [0.5, 0.75, 0.9, 1.0],
    when_exceeded: 'fast',
  },
};
