import { describe, expect, it } from 'vitest';
import { knownSecretRanges } from './known-secret-ranges.js';
import type { KnownSecret } from './types.js';

describe('knownSecretRanges', () => {
  it('finds every occurrence of every value, overlapping ones included', () => {
    const known: KnownSecret[] = [
      { value: 'abcd1234efgh', kind: 'generic-secret' },
      { value: 'efgh5678ijkl', kind: 'github-token' },
      { value: 'short', kind: 'generic-secret' },
    ];
    const text = 'x abcd1234efgh5678ijkl y abcd1234efgh short';
    expect(knownSecretRanges(text, known)).toEqual([
      { start: 2, end: 14, kind: 'generic-secret' },
      { start: 10, end: 22, kind: 'github-token' },
      { start: 25, end: 37, kind: 'generic-secret' },
    ]);
  });

  it('treats a value as text, not as a pattern', () => {
    const known: KnownSecret[] = [{ value: 'a.b*c+d?e(f)', kind: 'generic-secret' }];
    expect(knownSecretRanges('a.b*c+d?e(f) and aXbbcdde(f)', known)).toEqual([
      { start: 0, end: 12, kind: 'generic-secret' },
    ]);
  });
});
