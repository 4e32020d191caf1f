/**
 * The history index contract: what push events and the backfill record, and what a review reads
 * back, the same on every database. Run by each ledger's test file.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import type { HistoryCommit } from '../domain/history.js';
import type { LedgerStore } from './types.js';

const DAY = 86_400;
const at = (iso: string): number => Date.parse(iso) / 1000;

const commits: HistoryCommit[] = [
  {
    sha: 'a'.repeat(40),
    committedAt: at('2025-01-01T00:00:00Z'),
    fix: false,
    paths: ['src/a.ts', 'README.md'],
  },
  { sha: 'b'.repeat(40), committedAt: at('2025-06-01T00:00:00Z'), fix: true, paths: ['src/a.ts'] },
  {
    sha: 'c'.repeat(40),
    committedAt: at('2026-03-01T00:00:00Z'),
    fix: true,
    paths: ['src/a.ts', 'src/b.ts'],
  },
];

export const describeHistoryIndexContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (history index)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    it('answers null for a repository with no recorded commit', async () => {
      expect(await store.historyOf('acme/api', ['src/a.ts'], new Date())).toBeNull();
    });

    it('counts earlier commits and the fixes of the year before, per path, in the order asked', async () => {
      expect(await store.recordHistory('acme/api', commits)).toBe(5);
      const history = await store.historyOf(
        'acme/api',
        ['src/b.ts', 'src/new.ts', 'src/a.ts'],
        new Date('2026-05-01T00:00:00Z'),
      );
      expect(history).toEqual({
        paths: [
          { path: 'src/b.ts', commits: 1, recentFixes: 1 },
          { path: 'src/a.ts', commits: 3, recentFixes: 2 },
        ],
      });
    });

    it('reads only commits before the time asked about, and only the repository asked about', async () => {
      await store.recordHistory('acme/api', commits);
      await store.recordHistory('acme/web', [{ ...commits[0]!, paths: ['src/a.ts'] }]);
      expect(
        await store.historyOf('acme/api', ['src/a.ts'], new Date('2025-03-01T00:00:00Z')),
      ).toEqual({ paths: [{ path: 'src/a.ts', commits: 1, recentFixes: 0 }] });
      expect(
        await store.historyOf('acme/api', ['src/a.ts'], new Date('2024-12-31T00:00:00Z')),
      ).toBeNull();
      // Two years on, no fix is recent.
      const later = new Date((commits[2]!.committedAt + 400 * DAY) * 1000);
      expect(await store.historyOf('acme/api', ['src/a.ts'], later)).toEqual({
        paths: [{ path: 'src/a.ts', commits: 3, recentFixes: 0 }],
      });
    });

    it('reads a repository name in any case', async () => {
      await store.recordHistory('Acme/API', commits);
      const history = await store.historyOf(
        'acme/api',
        ['src/b.ts'],
        new Date('2026-05-01T00:00:00Z'),
      );
      expect(history?.paths).toEqual([{ path: 'src/b.ts', commits: 1, recentFixes: 1 }]);
    });

    it('keeps a commit recorded twice (a redelivered push) once', async () => {
      await store.recordHistory('acme/api', commits);
      expect(await store.recordHistory('acme/api', commits)).toBe(0);
      const history = await store.historyOf(
        'acme/api',
        ['src/a.ts'],
        new Date('2026-05-01T00:00:00Z'),
      );
      expect(history?.paths[0]?.commits).toBe(3);
    });

    it('records and reads more rows than one statement holds', async () => {
      const many: HistoryCommit[] = Array.from({ length: 300 }, (_, index) => ({
        sha: index.toString(16).padStart(40, '0'),
        committedAt: at('2025-01-01T00:00:00Z') + index,
        fix: index % 3 === 0,
        paths: Array.from({ length: 5 }, (_, file) => `src/f${file}.ts`),
      }));
      expect(await store.recordHistory('acme/api', many)).toBe(1_500);
      const paths = [...Array.from({ length: 700 }, (_, i) => `other/${i}.ts`), 'src/f4.ts'];
      const history = await store.historyOf('acme/api', paths, new Date('2025-06-01T00:00:00Z'));
      expect(history).toEqual({ paths: [{ path: 'src/f4.ts', commits: 300, recentFixes: 100 }] });
    });
  });
};
