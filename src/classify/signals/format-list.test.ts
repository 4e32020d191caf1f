import { describe, expect, it } from 'vitest';
import { directoryOf, formatList } from './format-list.js';

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
