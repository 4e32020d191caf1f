import { describe, expect, it } from 'vitest';
import { writeCsv } from './write-csv.js';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

const write = async (records: readonly object[], columns: readonly string[]) => {
  const writes: string[] = [];
  const count = await writeCsv(from(records), columns, (text) => void writes.push(text));
  return { writes, count, lines: writes.join('\n').split('\n') };
};

describe('writeCsv', () => {
  it('prints the header alone when no record comes', async () => {
    expect((await write([], ['repo', 'costUsd'])).lines).toEqual(['repo,costUsd']);
  });

  it('prints one line per record, in the columns given, in batches', async () => {
    const records = Array.from({ length: 1_201 }, (_, i) => ({
      costUsd: i / 4,
      repo: `acme/r${i}`,
      extra: 1,
    }));
    const { lines, writes, count } = await write(records, ['repo', 'costUsd']);
    expect(count).toBe(1_201);
    expect(lines).toHaveLength(1_202);
    expect(lines[0]).toBe('repo,costUsd');
    expect(lines[1]).toBe('acme/r0,0');
    expect(lines[1_201]).toBe('acme/r1200,300');
    expect(writes.length).toBeGreaterThan(2);
    for (const text of writes) expect(text.split('\n').length).toBeLessThanOrEqual(500);
  });

  it('quotes commas, quotes and newlines, prints null as empty and booleans as words', async () => {
    const { lines } = await write(
      [{ reason: 'big, "risky"\nchange', model: null, cached: true }],
      ['reason', 'model', 'cached'],
    );
    expect(lines.join('\n')).toBe('reason,model,cached\n"big, ""risky""\nchange",,true');
  });

  it('waits until the reader has taken each batch before it writes the next', async () => {
    let pending = 0;
    let mostPending = 0;
    const records = Array.from({ length: 2_000 }, (_, i) => ({ id: i }));
    await writeCsv(from(records), ['id'], async () => {
      pending += 1;
      mostPending = Math.max(mostPending, pending);
      await new Promise((resolve) => setTimeout(resolve, 1));
      pending -= 1;
    });
    expect(mostPending).toBe(1);
  });
});
