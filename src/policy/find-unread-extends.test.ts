import { describe, expect, it } from 'vitest';
import { loadPolicy } from './load-policy.js';
import type { UnreadExtends } from './find-unread-extends.js';
import { fakeGitHub, PATH, REPO, yaml } from './test-policy-source.js';

const unreadOf = async (texts: Record<string, string>) => {
  const { source } = fakeGitHub(texts);
  const found: UnreadExtends[] = [];
  const result = await loadPolicy(source, REPO, {
    onUnreadExtends: (unread) => found.push(unread),
  });
  return { result, found };
};

describe('a file named by _extends that cannot be read', () => {
  it('is reported with the file that names it, and the policy goes on without it', async () => {
    const { result, found } = await unreadOf({
      [`acme/api:${PATH}`]: yaml('_extends: .gthub', 'review:', '  max_comments: 5'),
    });
    expect(found).toEqual([{ from: `acme/api:${PATH}`, named: `acme/.gthub:${PATH}` }]);
    expect(result.ok && result.value.review.max_comments).toBe(5);
  });

  it('is reported at the end of a chain that starts in the org file', async () => {
    const { found } = await unreadOf({
      [`acme/.github:${PATH}`]: yaml('_extends: other-org/policies:review/strict.yml'),
    });
    expect(found).toEqual([
      { from: `acme/.github:${PATH}`, named: 'other-org/policies:review/strict.yml' },
    ]);
  });

  it('is not a repository without a file, nor an org without a .github file', async () => {
    expect((await unreadOf({})).found).toEqual([]);
    expect((await unreadOf({ [`acme/api:${PATH}`]: yaml('enabled: true') })).found).toEqual([]);
  });

  it('is not a chain whose every file was read', async () => {
    const { found } = await unreadOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github'),
      [`acme/.github:${PATH}`]: yaml('review:', '  max_comments: 3'),
    });
    expect(found).toEqual([]);
  });
});
