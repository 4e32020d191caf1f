/**
 * `costs` at any ledger size: JSON and CSV stream every row a page at a time, the table shows the
 * newest page and a total line for everything that matched, groups are summed by the database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { CONTRACT_COST_FIELDS } from '../helpers/cost-record-fields.js';

/** More than a page of the ledger's stream (1,000 rows) and of the writers' batches (500). */
const ROWS = 2_345;

const capture = () => {
  const out: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => out.push(`stderr: ${text}`),
    readStdin: () => Promise.resolve(''),
  };
  return { io, out };
};

let dir: string;
const costs = async (...flags: string[]) => {
  const { io, out } = capture();
  expect(await runCli(['costs', ...flags], io, { DATA_DIR: dir })).toBe(0);
  return { writes: out, text: out.join('\n') };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rr-costs-streaming-'));
  const ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
  await ledger.migrate();
  for (let i = 0; i < ROWS; i += 1) {
    await ledger.record(
      sampleEntry({
        deliveryId: `d-${i}`,
        repo: i % 2 === 0 ? 'acme/api' : 'acme/web',
        costUsd: 0.001,
        deepCostUsd: 0.004,
        startedAt: new Date(Date.UTC(2026, 9, 1) + i * 600_000).toISOString(),
      }),
    );
  }
  await ledger.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('costs on a ledger bigger than a page', () => {
  it('streams every attempt as one JSON array, newest first, in several writes', async () => {
    const { text, writes } = await costs('--format', 'json');
    const rows = JSON.parse(text) as { deliveryId: string }[];
    expect(rows).toHaveLength(ROWS);
    expect(rows[0]?.deliveryId).toBe(`d-${ROWS - 1}`);
    expect(rows.at(-1)?.deliveryId).toBe('d-0');
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining([...CONTRACT_COST_FIELDS]));
    expect(new Set(rows.map((row) => row.deliveryId)).size).toBe(ROWS);
    expect(writes.length).toBeGreaterThan(2);
  });

  it('streams every attempt as CSV: the header and one line per attempt', async () => {
    const lines = (await costs('--format', 'csv')).text.split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toMatch(/^deliveryId,repo,pr,/);
    expect(lines[1]).toMatch(new RegExp(`^d-${ROWS - 1},`));
    expect(lines.at(-1)).toMatch(/^d-0,/);
  });

  it('keeps --limit as the newest N in the stream', async () => {
    const rows = JSON.parse((await costs('--format', 'json', '--limit', '1001')).text);
    expect(rows).toHaveLength(1001);
    expect(rows.at(-1).deliveryId).toBe(`d-${ROWS - 1001}`);
    expect((await costs('--format', 'csv', '--limit', '3')).text.split('\n')).toHaveLength(4);
  });

  it('shows the newest 50 attempts in the table, then the total of every one that matched', async () => {
    const { text } = await costs();
    const lines = text.split('\n');
    expect(lines.filter((line) => /\bd-|acme\/(api|web)/.test(line))).toHaveLength(50);
    expect(lines.at(-1)).toBe(
      `newest 50 of 2,345 attempts shown (--limit N shows more; --format csv or json lists them all); total: $2.3450 spent, $9.3800 all on deep, $7.0350 saved`,
    );
  });

  it('shows --limit rows in the table, and the total of one repository', async () => {
    const { text } = await costs('--limit', '7', '--repo', 'acme/web');
    expect(text.split('\n').filter((line) => line.includes('acme/web'))).toHaveLength(7);
    expect(text).toContain('newest 7 of 1,172 attempts shown');
    expect(text).toContain('total: $1.1720 spent');
  });

  it('ends the table with the plain total when every matching attempt fits', async () => {
    const { text } = await costs('--since', '2026-10-17T05:00:00Z');
    expect(text.split('\n').at(-1)).toBe(
      'total of 11 attempts: $0.0110 spent, $0.0440 all on deep, $0.0330 saved',
    );
  });

  it('says there are no rows, and prints no total, when nothing matches', async () => {
    expect((await costs('--repo', 'acme/none')).text).toBe('(no rows)');
  });

  it('prints an empty JSON array and the CSV header alone when nothing matches', async () => {
    expect(JSON.parse((await costs('--repo', 'acme/none', '--format', 'json')).text)).toEqual([]);
    const csv = (await costs('--repo', 'acme/none', '--format', 'csv')).text;
    expect(csv).toMatch(/^deliveryId,repo,pr,[^\n]*installationId,cacheSavedUsd$/);
  });

  it('sums groups in the database, and groups only the newest N with --limit', async () => {
    const all = JSON.parse((await costs('--group-by', 'repo', '--format', 'json')).text);
    expect(all).toEqual([
      expect.objectContaining({ repo: 'acme/api', reviews: 1173, costUsd: 1.173 }),
      expect.objectContaining({ repo: 'acme/web', reviews: 1172, costUsd: 1.172 }),
    ]);
    const newest = JSON.parse(
      (await costs('--group-by', 'repo', '--limit', '5', '--format', 'json')).text,
    );
    expect(newest).toEqual([
      expect.objectContaining({ repo: 'acme/api', reviews: 3 }),
      expect.objectContaining({ repo: 'acme/web', reviews: 2 }),
    ]);
  });

  it('says what failed, with exit 1, when the ledger file is not a database', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'rr-costs-broken-'));
    try {
      writeFileSync(join(broken, 'ledger.sqlite'), 'not a database, only text '.repeat(40));
      for (const flags of [['--format', 'json'], ['--format', 'csv'], []]) {
        const { io, out } = capture();
        expect(await runCli(['costs', ...flags], io, { DATA_DIR: broken })).toBe(1);
        expect(out.join('\n')).toContain('file is not a database');
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
