import { describe, expect, it } from 'vitest';
import { writeJsonArray } from './write-json-array.js';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

const items = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: i,
    repo: 'acme/api',
    note: `a "quoted"\nline ${i}`,
    cost: i / 3,
    gone: null,
  }));

const write = async (list: readonly unknown[]) => {
  const writes: string[] = [];
  const count = await writeJsonArray(from(list), (text) => void writes.push(text));
  return { writes, count, text: writes.join('\n') };
};

describe('writeJsonArray', () => {
  it.each([0, 1, 2, 499, 500, 501, 1_201])(
    'prints %i items exactly as JSON.stringify prints the whole array',
    async (count) => {
      const list = items(count);
      const { text, count: written } = await write(list);
      expect(text).toBe(JSON.stringify(list, null, 2));
      expect(JSON.parse(text)).toEqual(list);
      expect(written).toBe(count);
    },
  );

  it('writes a long array in batches, never the whole array at once', async () => {
    const { writes } = await write(items(1_201));
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const text of writes) expect(text.split('\n  {').length - 1).toBeLessThanOrEqual(500);
  });
});
