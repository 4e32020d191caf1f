import { describe, expect, it } from 'vitest';
import { describeContextLeftOut } from './describe-context-left-out.js';

describe('describeContextLeftOut', () => {
  it('says nothing when all the context fit', () => {
    expect(describeContextLeftOut([])).toBeNull();
  });

  it('names each file left out with its reason, then counts the rest', () => {
    const leftOut = Array.from({ length: 12 }, (_, index) => ({
      path: `src/f${index}.ts`,
      reason: "file over the deep tier's context budget",
    }));
    const note = describeContextLeftOut(leftOut) ?? '';
    expect(note).toMatch(
      /^Code context left out: `src\/f0\.ts` \(file over the deep tier's context budget\); /,
    );
    expect(note).toContain('`src/f9.ts`');
    expect(note).not.toContain('`src/f10.ts`');
    expect(note).toMatch(/; and 2 more\.$/);
  });
});
