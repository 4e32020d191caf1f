import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { CONTRACT_COST_FIELDS } from '../helpers/cost-record-fields.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { sampleEntry } from '../../src/ledger/ledger-store.contract.js';
import { createTestGitRepo } from '../../src/calibrate/test-git-repo.js';
import { checkReportLink } from '../../src/report/sign-report-link.js';
import { captureCliIo } from '../../src/cli/test-cli-io.js';

const PATCHES = join(import.meta.dirname, '../fixtures/patches');

/** `git apply --numstat` on the patch: path -> [additions, deletions] ('-' for binary). */
const gitNumstat = (patch: string): Map<string, [string, string]> => {
  const text = execFileSync('git', ['apply', '--numstat', '-z', patch], { encoding: 'utf8' });
  const result = new Map<string, [string, string]>();
  const fields = text.split('\0');
  for (let i = 0; i < fields.length - 1; i++) {
    const [added = '', deleted = '', path = ''] = (fields[i] ?? '').split('\t');
    // A rename prints an empty path, then the old and the new path as their own fields.
    if (path === '') {
      result.set(fields[i + 2] ?? '', [added, deleted]);
      i += 2;
    } else result.set(path, [added, deleted]);
  }
  return result;
};

describe('review-router classify', () => {
  const patches = readdirSync(PATCHES)
    .filter((name) => name.endsWith('.patch'))
    .sort();

  it('prints one JSON object per patch, in input order, with every field of the record', async () => {
    const { io, out } = captureCliIo();
    const files = patches.map((name) => join(PATCHES, name));
    expect(await runCli(['classify', '--json', ...files], io)).toBe(0);
    expect(out).toHaveLength(files.length);
    const records = out.map((line) => JSON.parse(line));
    expect(records.map((r) => r.file)).toEqual(files);
    for (const record of records) {
      expect(Object.keys(record)).toEqual([
        'file',
        'changedFiles',
        'additions',
        'deletions',
        'files',
        'size',
        'risk',
        'route',
        'estimate',
      ]);
      expect(Object.keys(record.route)).toEqual(['tier', 'provider', 'model', 'reason']);
      expect(record.estimate.inputTokens).toBeGreaterThan(0);
      expect(record.estimate.costUsd.deep).toBeGreaterThan(record.estimate.costUsd.fast);
    }
  });

  it.each(readdirSync(PATCHES).filter((name) => name.endsWith('.patch')))(
    'counts %s exactly as git apply --numstat does',
    async (name) => {
      const { io, out } = captureCliIo();
      await runCli(['classify', '--json', join(PATCHES, name)], io);
      const record = JSON.parse(out[0]!);
      const expected = gitNumstat(join(PATCHES, name));
      const seen = new Map<string, [string, string]>(
        record.files.map(
          (f: { path: string; binary: boolean; additions: number; deletions: number }) => [
            f.path,
            f.binary ? ['-', '-'] : [String(f.additions), String(f.deletions)],
          ],
        ),
      );
      expect(seen).toEqual(expected);
    },
  );

  it('routes a patch touching authentication code to the deep tier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
    try {
      const patch = join(dir, 'auth.patch');
      writeFileSync(
        patch,
        [
          'diff --git a/src/auth/session.ts b/src/auth/session.ts',
          'index 1111111..2222222 100644',
          '--- a/src/auth/session.ts',
          '+++ b/src/auth/session.ts',
          '@@ -10,3 +10,4 @@ export function verify(token: string) {',
          '   const session = sessions.get(token);',
          "+  if (session?.user === 'admin') return session;",
          '   return session ?? null;',
          ' }',
          '',
        ].join('\n'),
      );
      const { io, out } = captureCliIo();
      await runCli(['classify', '--json', patch], io);
      const record = JSON.parse(out[0]!);
      expect(record.risk.level).toBe('high');
      expect(record.risk.signals.map((s: { id: string }) => s.id)).toContain('sensitive-path');
      expect(record.route).toMatchObject({
        tier: 'deep',
        provider: 'anthropic',
        model: 'claude-opus-4-6',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid --policy file with the file, line and a did-you-mean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
    try {
      const policy = join(dir, 'review-router.yml');
      writeFileSync(policy, 'skip:\n  drafs: false\n');
      const { io, err } = captureCliIo();
      expect(
        await runCli(['classify', '--policy', policy, join(PATCHES, 'deletion.patch')], io),
      ).toBe(2);
      const message = err.join('\n');
      expect(message).toContain('line 2');
      expect(message).toContain('skip.drafs');
      expect(message).toContain("did you mean 'drafts'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says that a --policy file its _extends names is not followed, and applies the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
    try {
      const policy = join(dir, 'review-router.yml');
      writeFileSync(policy, '_extends: .github\nrouting:\n  default: deep\n');
      const { io, out, err } = captureCliIo();
      expect(
        await runCli(['classify', '--policy', policy, join(PATCHES, 'deletion.patch')], io),
      ).toBe(0);
      expect(err.join('\n')).toContain(
        `${policy} extends .github, which is not followed here: only this file's settings, over the defaults, apply`,
      );
      expect(out.join('\n')).toContain('route deep');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which file it cannot read', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['classify', '/nonexistent/x.patch'], io)).toBe(2);
    expect(err.join('\n')).toContain('cannot read /nonexistent/x.patch: ENOENT');
  });

  it('says what to do about a file it cannot read', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['classify', '/nonexistent/x.patch'], io)).toBe(2);
    expect(err.join('\n')).toContain(
      'cannot read /nonexistent/x.patch: ENOENT (no such file). To resolve, give the path of a unified diff',
    );
  });
  it.each([
    ['notes.txt', Buffer.from('Remember to look at the login change.\n')],
    [
      'image.png',
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    ],
    ['random.bin', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))],
  ])(
    'refuses %s, which is not a diff, with exit 2 instead of classifying an empty change',
    async (name, bytes) => {
      const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
      try {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const { io, out, err } = captureCliIo();
        expect(await runCli(['classify', '--json', file], io)).toBe(2);
        expect(out).toEqual([]);
        expect(err).toEqual([
          `review-router: ${file} is not a unified diff (no 'diff --git' or '---'/'+++' file header): give the output of git diff, git show or git format-patch`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('says an empty patch file is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
    try {
      const file = join(dir, 'empty.patch');
      writeFileSync(file, '');
      const { io, err } = captureCliIo();
      expect(await runCli(['classify', file], io)).toBe(2);
      expect(err).toEqual([`review-router: ${file} is empty: there is no diff to classify`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a format-patch series whose commits change one file twice, and names the range to diff', async () => {
    const repo = createTestGitRepo();
    try {
      const base = repo.commit({
        message: 'base',
        files: { 'a.ts': '1\n2\n' },
        date: '2026-01-01T00:00:00Z',
      });
      const edit = repo.commit({
        message: 'edit',
        files: { 'a.ts': '1\ntwo\n' },
        date: '2026-01-02T00:00:00Z',
      });
      repo.commit({ message: 'other', files: { 'b.ts': 'b\n' }, date: '2026-01-03T00:00:00Z' });
      const again = repo.commit({
        message: 'again',
        files: { 'a.ts': '1\n2\n3\n' },
        date: '2026-01-04T00:00:00Z',
      });
      const file = join(repo.dir, 'series.patch');
      writeFileSync(file, repo.git(['format-patch', '--stdout', `${base}..${again}`]));
      const { io, out, err } = captureCliIo();
      expect(await runCli(['classify', '--json', file], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain(
        `${file} holds 3 commits, and 2 of them change a.ts (${edit.slice(0, 12)}, ${again.slice(0, 12)})`,
      );
      expect(err.join('\n')).toContain(`git diff ${edit.slice(0, 12)}^..${again.slice(0, 12)}`);
    } finally {
      repo.remove();
    }
  });
});

describe('review-router costs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rr-costs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const seed = async () => {
    const ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
    await ledger.migrate();
    await ledger.record(
      sampleEntry({
        deliveryId: 'd-1',
        repo: 'acme/api',
        tier: 'fast',
        costUsd: 0.02,
        deepCostUsd: 0.1,
        startedAt: '2026-10-30T10:00:00.000Z',
        finishedAt: '2026-10-30T10:00:05.000Z',
      }),
    );
    await ledger.record(
      sampleEntry({
        deliveryId: 'd-2',
        repo: 'acme/api',
        tier: 'deep',
        costUsd: 0.3,
        deepCostUsd: 0.3,
        startedAt: '2026-11-02T10:00:00.000Z',
        finishedAt: '2026-11-02T10:00:09.000Z',
      }),
    );
    await ledger.record(
      sampleEntry({
        deliveryId: 'd-3',
        repo: 'acme/web',
        tier: 'skip',
        provider: null,
        model: null,
        costUsd: 0,
        deepCostUsd: 0.05,
        outcome: 'skipped',
        startedAt: '2026-11-03T10:00:00.000Z',
        finishedAt: '2026-11-03T10:00:00.000Z',
      }),
    );
    return ledger;
  };

  it('prints every attempt newest first as JSON while the app still has the ledger open', async () => {
    const writer = await seed();
    try {
      const { io, out } = captureCliIo();
      expect(await runCli(['costs', '--format', 'json'], io, { DATA_DIR: dir })).toBe(0);
      const rows = JSON.parse(out.join('\n'));
      expect(rows.map((r: { deliveryId: string }) => r.deliveryId)).toEqual(['d-3', 'd-2', 'd-1']);
      for (const key of CONTRACT_COST_FIELDS) {
        expect(rows[0]).toHaveProperty(key);
      }
    } finally {
      await writer.close();
    }
  });

  it('filters by repository and date and groups with savings against all-deep', async () => {
    await (await seed()).close();
    const { io, out } = captureCliIo();
    await runCli(['costs', '--repo', 'acme/api', '--since', '2026-11-01', '--format', 'json'], io, {
      DATA_DIR: dir,
    });
    expect(JSON.parse(out.join('\n')).map((r: { deliveryId: string }) => r.deliveryId)).toEqual([
      'd-2',
    ]);

    const grouped = captureCliIo();
    await runCli(['costs', '--group-by', 'repo', '--format', 'json'], grouped.io, {
      DATA_DIR: dir,
    });
    expect(JSON.parse(grouped.out.join('\n'))).toEqual([
      expect.objectContaining({
        repo: 'acme/api',
        reviews: 2,
        costUsd: 0.32,
        deepCostUsd: 0.4,
        savedUsd: 0.08,
      }),
      expect.objectContaining({
        repo: 'acme/web',
        reviews: 1,
        costUsd: 0,
        deepCostUsd: 0.05,
        savedUsd: 0.05,
      }),
    ]);

    const csv = captureCliIo();
    await runCli(['costs', '--group-by', 'month,tier', '--format', 'csv'], csv.io, {
      DATA_DIR: dir,
    });
    expect(csv.out.join('\n').split('\n')[0]).toContain('month');
  });

  it('takes --until as exclusive and --limit as the newest N attempts', async () => {
    await (await seed()).close();
    const ids = async (...flags: string[]) => {
      const { io, out } = captureCliIo();
      expect(await runCli(['costs', '--format', 'json', ...flags], io, { DATA_DIR: dir })).toBe(0);
      return JSON.parse(out.join('\n')).map((r: { deliveryId: string }) => r.deliveryId);
    };
    expect(await ids('--until', '2026-11-03T10:00:00Z')).toEqual(['d-2', 'd-1']);
    expect(await ids('--since', '2026-10-30T10:00:00Z', '--until', '2026-11-03')).toEqual([
      'd-2',
      'd-1',
    ]);
    expect(await ids('--limit', '2')).toEqual(['d-3', 'd-2']);
    expect(await ids('--repo', 'acme/api', '--limit', '1')).toEqual(['d-2']);
  });

  it('groups by provider, with the attempts that called no model as null', async () => {
    await (await seed()).close();
    const { io, out } = captureCliIo();
    await runCli(['costs', '--group-by', 'provider', '--format', 'json'], io, { DATA_DIR: dir });
    expect(JSON.parse(out.join('\n'))).toEqual([
      expect.objectContaining({ provider: null, reviews: 1, costUsd: 0 }),
      expect.objectContaining({ provider: 'anthropic', reviews: 2, costUsd: 0.32 }),
    ]);
  });

  it('prints the CSV header even when no attempt matches', async () => {
    await (await seed()).close();
    const header = async (...flags: string[]) => {
      const { io, out } = captureCliIo();
      expect(await runCli(['costs', '--format', 'csv', ...flags], io, { DATA_DIR: dir })).toBe(0);
      return out.join('\n').split('\n');
    };
    const all = await header();
    expect(all).toHaveLength(4);
    expect(await header('--repo', 'acme/none')).toEqual([all[0]]);
    const json = captureCliIo();
    await runCli(['costs', '--format', 'json'], json.io, { DATA_DIR: dir });
    expect(all[0]?.split(',')).toEqual(Object.keys(JSON.parse(json.out.join('\n'))[0]));
    expect(await header('--repo', 'acme/none', '--group-by', 'month,provider')).toEqual([
      'month,provider,reviews,costUsd,deepCostUsd,savedUsd,avgCostUsd',
    ]);
  });

  it('names a wrong option before it looks for the ledger', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['costs', '--limit', 'ten'], io, { DATA_DIR: join(dir, 'missing') })).toBe(
      2,
    );
    expect(err.join('\n')).toContain('--limit ten: expected a whole number');
  });

  it('explains where it looked when there is no ledger yet', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['costs'], io, { DATA_DIR: join(dir, 'missing') })).toBe(2);
    expect(err.join('\n')).toContain('no ledger at');
  });

  it.each([
    [['costs', '--format', 'xml'], '--format xml'],
    [['costs', '--group-by', 'week'], '--group-by week'],
    [['costs', '--since', 'yesterday-ish'], '--since yesterday-ish'],
    [['costs', '--repo', 'not-a-repo'], '--repo not-a-repo'],
    [['costs', '--until', 'soon'], '--until soon'],
    [['costs', '--since', '2026-11-31'], '--since 2026-11-31: expected a date such as 2026-11-01'],
    [['costs', '--until', '2026-02-30'], '--until 2026-02-30: expected a date'],
    [['costs', '--limit', '0'], '--limit 0: expected a whole number'],
    [['costs', '--limit', '5x'], '--limit 5x'],
    [['costs', '--since', '2026-11-02', '--until', '2026-11-01'], '--until is exclusive'],
  ])('rejects %j with a message naming the option', async (argv, message) => {
    await (await seed()).close();
    const { io, err } = captureCliIo();
    expect(await runCli(argv, io, { DATA_DIR: dir })).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});

describe('review-router policy check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rr-policy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const check = async (...argv: string[]) => {
    const { io, out, err } = captureCliIo();
    const code = await runCli(['policy', 'check', ...argv], io, {});
    return { code, out, err: err.join('\n') };
  };

  it('says a valid file is valid and exits 0', async () => {
    const file = write('review-router.yml', 'risk:\n  levels: { high: 0.7 }\n');
    expect(await check(file)).toEqual({
      code: 0,
      out: [`${file}: valid`],
      err: '',
    });
  });

  it('prints the located messages of the check run and exits 1 when the file is invalid', async () => {
    const file = write('review-router.yml', 'enabled: true\nskip:\n  drafs: false\n');
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toContain('The review-router policy has 1 problem:');
    expect(result.err).toContain(
      `\`${file}\` line 3: \`skip.drafs\`: unknown key 'drafs' — did you mean 'drafts'?`,
    );
  });

  it('fails every model the price table cannot price, each on its own line', async () => {
    const file = write(
      'review-router.yml',
      'models:\n  fast: { provider: openai, model: gpt-unknown-1 }\n  deep:\n    fallback: { provider: anthropic, model: claude-haiku-9 }\n',
    );
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('The review-router policy has 2 problems:');
    expect(result.err).toContain(
      `\`${file}\` line 2: \`models.fast.model\`: unknown model gpt-unknown-1 in price table`,
    );
    expect(result.err).toContain(
      `\`${file}\` line 4: \`models.deep.fallback.model\`: unknown model claude-haiku-9 in price table`,
    );
  });

  it('fails a model the price table cannot price, as the check run does, and reads PRICES_FILE', async () => {
    const file = write(
      'review-router.yml',
      'models:\n  deep:\n    fallback: { provider: anthropic, model: claude-haiku-9 }\n',
    );
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `\`${file}\` line 3: \`models.deep.fallback.model\`: unknown model claude-haiku-9 in price table`,
    );
    const prices = write(
      'prices.json',
      JSON.stringify({
        version: '2026-12-local',
        effectiveDate: '2026-12-01',
        models: {
          'claude-haiku-9': {
            provider: 'anthropic',
            input: 1,
            cachedInput: 0.1,
            cacheWrite5m: 1.25,
            cacheWrite1h: 2,
            output: 5,
          },
        },
      }),
    );
    const { io, out } = captureCliIo();
    expect(await runCli(['policy', 'check', file], io, { PRICES_FILE: prices })).toBe(0);
    expect(out).toEqual([`${file}: valid`]);
  });

  it('locates a YAML syntax error', async () => {
    const file = write('review-router.yml', 'risk:\n\tlevels: {}\n');
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`\`${file}\` line 2`);
  });

  it('exits 2 when the file cannot be read', async () => {
    const result = await check(join(dir, 'missing.yml'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(`cannot read ${join(dir, 'missing.yml')}: ENOENT`);
    expect(result.err).toContain('(no such file). To resolve, give the path of a policy file');
  });

  it('says what it did not check when the file extends another and no --org-file is given', async () => {
    const file = write('review-router.yml', '_extends: .github\nrisk:\n  levels: { high: 0.8 }\n');
    const result = await check(file);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`${file}: valid`]);
    expect(result.err).toContain(`${file} extends .github, which was not checked`);
  });

  it('layers --org-file under a file that extends it, pinning a conflict on the file that made it', async () => {
    const org = write('org.yml', 'risk:\n  levels: { critical: 0.7 }\n');
    const file = write('review-router.yml', '_extends: .github\nrisk:\n  levels:\n    high: 0.8\n');
    expect((await check(org)).code).toBe(0);
    expect((await check(file)).code).toBe(0);
    const result = await check(file, '--org-file', org);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `\`${file}\` line 4: \`risk.levels.high\`: must be less than critical (0.7), got 0.8 — critical is 0.7 in ${org}: set critical here too, or lower high`,
    );
  });

  it('names the org file when the org file is the one at fault', async () => {
    const org = write('org.yml', 'models:\n  fast:\n    provider: openia\n');
    const file = write('review-router.yml', '_extends: .github\n');
    const result = await check(file, '--org-file', org);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`\`${org}\` line 3: \`models.fast.provider\``);
  });

  it('checks the two files apart when the repository file does not extend the org file, and says why', async () => {
    const org = write('org.yml', 'risk:\n  levels: { critical: 0.7 }\n');
    const file = write('review-router.yml', 'risk:\n  levels: { high: 0.8 }\n');
    const result = await check(file, '--org-file', org);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`${file}: valid`, `${org}: valid`]);
    expect(result.err).toContain(
      `${file} has no _extends, so the app never layers ${org} under it`,
    );
  });
});

describe('review-router report-link', () => {
  const link = async (env: NodeJS.ProcessEnv, ...flags: string[]) => {
    const { io, out, err } = captureCliIo();
    const code = await runCli(['report-link', ...flags], io, env);
    return { code, out, err: err.join('\n') };
  };

  it('prints a link the report routes accept, for a week by default, on localhost:$PORT', async () => {
    const before = Date.now();
    const result = await link({ REPORT_TOKEN: 'secret', PORT: '4100' });
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    const url = new URL(result.out[0]!);
    expect(`${url.origin}${url.pathname}`).toBe('http://localhost:4100/reports');
    expect(checkReportLink('secret', url, new Date())).toBe('valid');
    expect(checkReportLink('another', url, new Date())).toBe('invalid');
    const exp = Number(url.searchParams.get('exp')) * 1000;
    expect(exp).toBeGreaterThan(before + 7 * 86_400_000 - 2000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
    expect(checkReportLink('secret', url, new Date(exp))).toBe('expired');
    expect(result.err).toContain('report-link: valid until ');
  });

  it('takes a path with filters, a lifetime and a public base URL', async () => {
    const result = await link(
      { REPORT_TOKEN: 'secret' },
      '--path',
      '/reports?repo=acme/api',
      '--expires',
      '12h',
      '--base-url',
      'https://review.example.com/router/',
    );
    expect(result.code).toBe(0);
    const url = new URL(result.out[0]!);
    expect(`${url.origin}${url.pathname}`).toBe('https://review.example.com/router/reports');
    expect(url.searchParams.get('repo')).toBe('acme/api');
    // Behind a proxy the app sees the path without the prefix: that is what is signed.
    const seenByApp = new URL(`/reports${url.search}`, 'http://localhost');
    expect(checkReportLink('secret', seenByApp, new Date())).toBe('valid');
    expect(Number(url.searchParams.get('exp')) * 1000 - Date.now()).toBeLessThanOrEqual(
      12 * 3_600_000,
    );
  });

  it('says to set REPORT_TOKEN when it is unset, with exit 2', async () => {
    const result = await link({});
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toContain('To resolve, set REPORT_TOKEN');
  });

  it.each([
    [['--expires', 'forever'], '--expires forever: expected a duration'],
    [['--expires', '0d'], '--expires 0d'],
    [['--expires', '2000000w'], '--expires 2000000w: a link may live at most 366d'],
    [['--expires', '100000000d'], '--expires 100000000d: a link may live at most 366d'],
    [['--path', '/admin'], '--path /admin: expected a path under /reports'],
    [['--base-url', 'localhost:3000'], '--base-url localhost:3000'],
  ])('refuses %j with exit 2', async (flags, message) => {
    const result = await link({ REPORT_TOKEN: 'secret' }, ...flags);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

describe('review-router', () => {
  it('prints the version of package.json for --version', async () => {
    const { version } = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { version: string };
    const { io, out } = captureCliIo();
    expect(await runCli(['--version'], io, {})).toBe(0);
    expect(out).toEqual([version]);
  });

  it('exits 2 for an unknown command or option', async () => {
    expect(await runCli(['frobnicate'], captureCliIo().io, {})).toBe(2);
    expect(await runCli(['costs', '--colour'], captureCliIo().io, {})).toBe(2);
  });

  it('exits 2 with the message when the environment is invalid', async () => {
    const { io, err } = captureCliIo();
    expect(await runCli(['costs'], io, { PORT: 'eighty' })).toBe(2);
    expect(err.join('\n')).toContain('PORT: expected a port number');
  });

  it('validates the environment only when a command reads it: classify and prompt read PRICES_FILE alone', async () => {
    const patch = join(PATCHES, 'deletion.patch');
    const env = { PORT: 'eighty', PRICES_FILE: ' ' };
    const classify = captureCliIo();
    expect(await runCli(['classify', '--json', patch], classify.io, env)).toBe(0);
    expect(JSON.parse(classify.out[0] ?? '')).toMatchObject({ file: patch });
    expect(classify.err).toEqual([]);
    expect(await runCli(['--help'], captureCliIo().io, env)).toBe(0);
    // prompt and calibrate are offline too; calibrate reads the app's settings to write its index.
    for (const command of [
      ['costs'],
      ['findings'],
      ['report-link'],
      ['calibrate', '--index-history'],
    ]) {
      const { io, err } = captureCliIo();
      expect(await runCli(command, io, env)).toBe(2);
      expect(err.join('\n')).toContain('PORT: expected a port number');
    }
  });

  it('exits 2 when classify is given a PRICES_FILE that is not a price table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-prices-'));
    try {
      const file = join(dir, 'prices.json');
      writeFileSync(file, JSON.stringify({ version: 'v9' }));
      const { io, err } = captureCliIo();
      const patch = join(PATCHES, 'deletion.patch');
      expect(await runCli(['classify', '--json', patch], io, { PRICES_FILE: file })).toBe(2);
      expect(err.join('\n')).toContain(`PRICES_FILE ${file} is not a valid price table`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
