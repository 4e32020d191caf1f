import { describe, expect, it } from 'vitest';
import { splitRejected } from './split-rejected.js';

const probeFor = (bad: ReadonlySet<number>) => {
  const calls: number[][] = [];
  const accepts = (subset: readonly number[]) => {
    calls.push([...subset]);
    return Promise.resolve(subset.every((item) => !bad.has(item)));
  };
  return { calls, accepts };
};

describe('splitRejected', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8], [5]],
    [
      [1, 2, 3, 4, 5, 6, 7, 8],
      [1, 8],
    ],
    [[1, 2], [2]],
    [[1], [1]],
    [
      [1, 2, 3],
      [1, 2, 3],
    ],
  ])('finds exactly the rejected items of %j when %j are bad', async (items, bad) => {
    const { accepts } = probeFor(new Set(bad));
    const { accepted, rejected } = await splitRejected(items, accepts);
    expect(rejected.sort()).toEqual([...bad].sort());
    expect(accepted.sort()).toEqual(items.filter((item) => !bad.includes(item)).sort());
  });

  it('asks about far fewer subsets than there are items when one is bad', async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const { calls, accepts } = probeFor(new Set([17]));
    await splitRejected(items, accepts);
    expect(calls.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(25)));
  });

  it('counts what it could not probe as rejected once the probe budget is spent', async () => {
    const items = Array.from({ length: 16 }, (_, i) => i);
    const { accepts } = probeFor(new Set(items));
    const { accepted, rejected } = await splitRejected(items, accepts, 3);
    expect(accepted).toEqual([]);
    expect(rejected.sort((a, b) => a - b)).toEqual(items);
  });
});
