import { describe, expect, it } from 'vitest';
import { readBlamePorcelain } from './read-blame-porcelain.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('readBlamePorcelain', () => {
  it('gives the commit of every blamed line and leaves out boundary lines', () => {
    const output = [
      `${A} 1 1 2`,
      'author x',
      'filename src/a.ts',
      '\tfirst();',
      `${A} 2 2`,
      '\tsecond();',
      `${B} 5 3 1`,
      'author y',
      'boundary',
      'filename src/a.ts',
      '\tthird();',
      `${A} 3 4 1`,
      '\tfourth();',
      '',
    ].join('\n');
    expect(readBlamePorcelain(output)).toEqual([A, A, A]);
  });

  it('reads nothing from empty output', () => {
    expect(readBlamePorcelain('')).toEqual([]);
  });
});
