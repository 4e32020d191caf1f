import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGitRepo, type TestGitRepo } from '../calibrate/test-git-repo.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { runCli } from './main.js';
import { captureCliIo } from './test-cli-io.js';

let repo: TestGitRepo;
let dataDir: string;

beforeAll(() => {
  repo = createTestGitRepo();
  dataDir = mkdtempSync(join(tmpdir(), 'review-router-backfill-'));
  repo.commit({
    message: 'add parser',
    date: '2026-01-01T00:00:00Z',
    files: { 'src/p.js': 'a\n' },
  });
  repo.commit({
    message: 'fix: parser crash',
    date: '2026-02-01T00:00:00Z',
    files: { 'src/p.js': 'b\n', 'README.md': 'r\n' },
  });
});
afterAll(() => {
  repo.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('review-router calibrate --index-history', () => {
  it("writes the local history into the app's ledger under the GitHub name, once however often it runs", async () => {
    for (let run = 0; run < 2; run += 1) {
      const { io, err } = captureCliIo();
      const code = await runCli(
        ['calibrate', '--git-dir', repo.dir, '--index-history', '--repo', 'Acme/Parser'],
        io,
        { DATA_DIR: dataDir },
      );
      expect(code).toBe(0);
      expect(err).toContain(
        `calibrate: history index of Acme/Parser: 2 commits read, ${run === 0 ? 3 : 0} new file changes recorded`,
      );
    }
    const ledger = openSqliteLedger({ file: join(dataDir, 'ledger.sqlite'), readOnly: true });
    await ledger.migrate();
    expect(
      await ledger.historyOf('acme/parser', ['src/p.js'], new Date('2026-03-01T00:00:00Z')),
    ).toEqual({ paths: [{ path: 'src/p.js', commits: 2, recentFixes: 1 }] });
    await ledger.close();
  });

  it('asks for --repo when the repository has no GitHub name', async () => {
    const { io, err } = captureCliIo();
    const code = await runCli(['calibrate', '--git-dir', repo.dir, '--index-history'], io, {
      DATA_DIR: dataDir,
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/pass --repo OWNER\/NAME/);
  });

  it('asks for --repo when origin is a path on this machine, before reading any history', async () => {
    const clone = createTestGitRepo();
    clone.commit({ message: 'one', date: '2026-01-01T00:00:00Z', files: { 'a.js': 'a\n' } });
    execFileSync('git', ['-C', clone.dir, 'remote', 'add', 'origin', '/srv/git/team/parser']);
    const { io, err } = captureCliIo();
    const code = await runCli(['calibrate', '--git-dir', clone.dir, '--index-history'], io, {
      DATA_DIR: dataDir,
    });
    clone.remove();
    expect(code).toBe(2);
    expect(err.join('\n')).toBe(
      "review-router: --index-history: cannot tell the repository's GitHub name (origin is /srv/git/team/parser). To resolve, pass --repo OWNER/NAME",
    );
  });
});
