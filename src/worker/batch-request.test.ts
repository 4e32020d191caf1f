import { describe, expect, it } from 'vitest';
import type { ContextPool } from '../context/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { classification, contextItem, diffOf, file, pr } from '../review/test-prompt-input.js';
import { buildBatchRequest } from './batch-request.js';

const pool: ContextPool = { items: [contextItem()], unread: [] };

const subject = {
  repo: 'acme/widgets',
  policy: DEFAULT_POLICY,
  classification: classification(['src/util.ts']),
  diff: diffOf([file('src/util.ts')]),
  pr,
};
const choice = {
  tier: 'fast',
  model: DEFAULT_POLICY.models.fast,
  reason: 'routing rule: review:later',
} as const;
const limits = { maxInputTokens: 100_000, maxOutputTokens: 16_000 };

describe('buildBatchRequest', () => {
  it('sends the code context the immediate review would, before the pull request', () => {
    const { request } = buildBatchRequest({ ...subject, context: pool }, choice, limits);
    expect(request.context).toContain('export const compute = (n: number) => n * 2;');
    expect(request.prompt).not.toContain('export const compute');
  });

  it('sends the diff alone when there is no context', () => {
    expect(buildBatchRequest(subject, choice, limits).request.context ?? '').toBe('');
  });
});
