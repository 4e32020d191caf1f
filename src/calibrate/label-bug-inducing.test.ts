import { describe, expect, it } from 'vitest';
import { labelBugInducing } from './label-bug-inducing.js';

const sha = (c: string) => c.repeat(40);

describe('labelBugInducing', () => {
  it('labels evaluated commits that fixes blame or reverts name, never the fix itself', () => {
    const labels = labelBugInducing({
      evaluated: new Set([sha('a'), sha('b'), sha('c'), sha('d')]),
      blamed: [
        { fix: sha('d'), shas: [sha('a'), sha('d'), sha('e')] },
        { fix: sha('f'), shas: [sha('a')] },
      ],
      reverted: ['ccccccc', sha('9')],
    });
    expect([...labels].sort()).toEqual([sha('a'), sha('c')]);
  });

  it('ignores an abbreviated sha that names two commits', () => {
    const labels = labelBugInducing({
      evaluated: new Set([`abc${'1'.repeat(37)}`, `abc${'2'.repeat(37)}`]),
      blamed: [],
      reverted: ['abc'],
    });
    expect(labels.size).toBe(0);
  });
});
