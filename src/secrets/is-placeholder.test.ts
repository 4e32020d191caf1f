import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRepeatedChunk, isPlaceholder } from './is-placeholder.js';

const REPEATED = /(.)\1{7}|(.{2,4})\2{3}|(.{5})\3{2}/;

describe('hasRepeatedChunk', () => {
  it('finds what the regular expression of repeated chunks finds, on any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '\n', 'é'), maxLength: 60 });
    fc.assert(
      fc.property(text, (value) => hasRepeatedChunk(value) === REPEATED.test(value)),
      { numRuns: 20_000 },
    );
  });
});

describe('isPlaceholder', () => {
  it.each([
    ['a run of one character', 'ghp_aaaaaaaaZ9'],
    ['a chunk of five repeated', 'xoxp-1234-1234-1234-9f8e7d'],
    ['a run split by separators', 'glrt-000000-000_000-00000'],
  ])('takes %s for a placeholder', (_name, value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('does not take a run of A (zero bytes in base64) or a random value for one', () => {
    expect(isPlaceholder('AAAAAAAAAAAAQm9keQ')).toBe(false);
    expect(isPlaceholder('A-AAA_AAAA.AAAAQm9keQ')).toBe(false);
    expect(isPlaceholder('q7Rz2LmW9xKp4TvB')).toBe(false);
  });
});
