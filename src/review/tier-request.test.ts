import { describe, expect, it } from 'vitest';
import { MAX_CACHE_KEY_LENGTH, promptCacheKey } from './tier-request.js';

describe('promptCacheKey', () => {
  it('names the repository when it fits', () => {
    expect(promptCacheKey('acme/api')).toBe('review-router:acme/api');
  });

  it('stays within the 64 characters OpenAI takes for a long repository name, the same every time', () => {
    const repo = `${'an-organisation-with-a-long-name'}/${'a-repository-with-an-even-longer-name'}`;
    const key = promptCacheKey(repo);
    expect(key).toHaveLength(MAX_CACHE_KEY_LENGTH);
    expect(key).toMatch(/^review-router:[0-9a-f]{50}$/);
    expect(promptCacheKey(repo)).toBe(key);
    expect(promptCacheKey(`${repo}2`)).not.toBe(key);
  });
});
