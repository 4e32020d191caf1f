import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { testPullRequest } from '../route/test-route-input.js';
import { mootness } from './moot-check.js';

const HEAD = 'a'.repeat(40);
const ref = { owner: 'acme', repo: 'api', pr: 7 };

const mootWith = (pr: Partial<ReturnType<typeof testPullRequest>>, policy = DEFAULT_POLICY) =>
  mootness(
    { getPullRequest: () => Promise.resolve({ ...testPullRequest(), headSha: HEAD, ...pr }) },
    { ref, headSha: HEAD, signal: new AbortController().signal, policy },
  );

describe('mootness', () => {
  it('lets the answer be posted while the pull request is as it was', async () => {
    expect(await mootWith({})).toBeNull();
  });

  it('stops it for a skip label put on, or a draft when the policy skips drafts', async () => {
    expect(await mootWith({ labels: ['bug', 'Review:Skip'] })).toBe('skip-label');
    expect(await mootWith({ draft: true })).toBe('draft');
    const keepDrafts = { ...DEFAULT_POLICY, skip: { ...DEFAULT_POLICY.skip, drafts: false } };
    expect(await mootWith({ draft: true }, keepDrafts)).toBeNull();
  });
});
