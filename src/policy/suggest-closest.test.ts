import { describe, expect, it } from 'vitest';
import { suggestClosest } from './suggest-closest.js';

const KEYS = [
  'labels',
  'risk',
  'size',
  'paths',
  'authors',
  'author_association',
  'base',
  'changed_lines',
];

describe('suggestClosest', () => {
  it.each([
    { word: 'lables', expected: 'labels', why: 'two letters swapped' },
    { word: 'label', expected: 'labels', why: 'a letter missing' },
    { word: 'Labels', expected: 'labels', why: 'a different case' },
    { word: 'changed-lines', expected: 'changed_lines', why: 'a dash for an underscore' },
    { word: 'author_assoc', expected: 'author_association', why: 'a word cut short' },
    { word: 'pahts', expected: 'paths', why: 'two letters swapped in a short word' },
    { word: 'authers', expected: 'authors', why: 'one wrong letter' },
  ])('suggests $expected for $word ($why)', ({ word, expected }) => {
    expect(suggestClosest(word, KEYS)).toBe(expected);
  });

  it.each([
    { word: 'reviewers', why: 'nothing is close' },
    { word: 'x', why: 'one letter is too little to go on' },
    { word: 'tier', why: 'it shares only a letter with the nearest key' },
    { word: 'rules', why: 'it is as far from every key as a different word' },
  ])('suggests nothing for $word: $why', ({ word }) => {
    expect(suggestClosest(word, KEYS)).toBeNull();
  });

  it('suggests nothing from an empty list', () => {
    expect(suggestClosest('labels', [])).toBeNull();
  });
});
