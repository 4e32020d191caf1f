import { describe, expect, it } from 'vitest';
import { directoryOf, formatCount, formatList } from './format-list.js';

describe('formatList', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
    [['a', 'b', 'c', 'd', 'e'], 'a, b, c and 2 more'],
  ])('writes %j as "%s"', (items, text) => {
    expect(formatList(items)).toBe(text);
  });
});

describe('directoryOf', () => {
  it.each([
    ['src/auth/login.ts', 'src/auth/'],
    ['Dockerfile', 'Dockerfile'],
  ])('gives %s the directory %s', (path, directory) => {
    expect(directoryOf(path)).toBe(directory);
  });
});

describe('formatCount', () => {
  it.each([0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 123_456_789, -1, -1_234, -999_999])(
    'writes %d as toLocaleString does',
    (count) => {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
    },
  );

  it('groups every whole number as toLocaleString does', () => {
    for (let count = -2_000; count <= 2_000_000; count += 997) {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
    }
    expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });

  it('leaves fractions to toLocaleString', () => {
    expect(formatCount(1234.5678)).toBe('1,234.568');
  });
});
