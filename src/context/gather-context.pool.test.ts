import { describe, expect, it } from 'vitest';
import { testFile } from '../classify/test-diff.js';
import { FAKE_SECRETS as S } from '../secrets/test-secrets.js';
import { selectCodeContext } from '../review/select-code-context.js';
import { gatherContext } from './gather-context.js';
import type { CodeSource } from './types.js';

const sourceOf = (files: Record<string, string>): CodeSource => ({
  listPaths: () => Promise.resolve(Object.keys(files)),
  readFiles: (paths) =>
    Promise.resolve(
      new Map(paths.flatMap((path) => (path in files ? [[path, files[path] ?? '']] : []))),
    ),
});

describe('secrets in code context', () => {
  it('redacts a value recognised in one file wherever another file repeats it', async () => {
    const files = {
      'tests/test_client.py': `DB_PASSWORD = "${S.password}"\n\ndef test_connect():\n    assert True\n`,
      'src/client.py': `def open_db(host):\n    return connect(host, "${S.password}")\n`,
    };
    const pool = await gatherContext({
      sources: { head: sourceOf(files), base: null },
      files: [
        testFile('src/client.py', { added: ['def open_db(host):'] }),
        testFile('tests/test_client.py', { added: ['def test_connect():'] }),
      ],
      knownSecrets: [],
      level: 'files',
    });
    const texts = pool.items.map((item) => `${item.path}: ${item.text}`).join('\n');
    expect(texts).toContain('src/client.py');
    expect(texts).toContain('[REDACTED:');
    expect(texts).not.toContain(S.password);
  });
});

describe('the order of code context', () => {
  it('offers a file no grammar reads in its place among the whole files, after the code', async () => {
    const files = {
      'src/app.py': 'def handle(request):\n    return request\n',
      'CHANGES.rst': 'Version 2\n---------\n\n- Handle requests.\n',
    };
    const pool = await gatherContext({
      sources: { head: sourceOf(files), base: null },
      // Riskiest first, as the classifier ranks them.
      files: [
        testFile('src/app.py', { added: ['def handle(request):'] }),
        testFile('CHANGES.rst', { added: ['Version 2'] }),
      ],
      knownSecrets: [],
      level: 'files',
    });
    expect(pool.items.map((item) => `${item.level} ${item.kind} ${item.path}`)).toEqual([
      'functions function src/app.py',
      'files file src/app.py',
      'functions file CHANGES.rst',
    ]);
  });
});

describe('an added file', () => {
  it('is not quoted as context, since its diff shows all of it, but its callees still are', async () => {
    const files = {
      'src/new.py':
        'from src.lib import helper\n\ndef handle(request):\n    return helper(request)\n',
      'src/lib.py': 'def helper(request):\n    return request\n',
    };
    const pool = await gatherContext({
      sources: { head: sourceOf(files), base: null },
      files: [
        testFile('src/new.py', {
          status: 'added',
          added: files['src/new.py'].split('\n').slice(0, 4),
        }),
      ],
      knownSecrets: [],
      level: 'related',
    });
    const offered = pool.items.map((item) => `${item.kind} ${item.path}`);
    expect(offered.filter((entry) => entry.endsWith('src/new.py'))).toEqual([]);
    expect(offered).toContain('definition src/lib.py');
  });
});

describe('a tree listing GitHub cut short', () => {
  it('still reads the changed files, which are at the head whatever the listing holds', async () => {
    const files = { 'src/app.py': 'def handle(request):\n    return request\n' };
    const source = sourceOf(files);
    const pool = await gatherContext({
      sources: { head: { ...source, listPaths: () => Promise.resolve(['README.md']) }, base: null },
      files: [testFile('src/app.py', { added: ['def handle(request):'] })],
      knownSecrets: [],
      level: 'functions',
    });
    expect(pool.items.map((item) => `${item.kind} ${item.path}`)).toEqual([
      'function src/app.py',
      'file src/app.py',
    ]);
  });
});

describe('a changed file GitHub gives no text for', () => {
  it('is listed as left out, at any level but diff', async () => {
    const source = sourceOf({ 'src/app.py': 'def handle(request):\n    return request\n' });
    const pool = await gatherContext({
      sources: {
        head: { ...source, listPaths: () => Promise.resolve(['src/app.py', 'src/big.py']) },
        base: null,
      },
      files: [
        testFile('src/app.py', { added: ['def handle(request):'] }),
        testFile('src/big.py', { added: ['x = 1'] }),
      ],
      knownSecrets: [],
      level: 'files',
    });
    const select = (level: 'diff' | 'files') =>
      selectCodeContext({
        pool,
        level,
        fence: 'F00D',
        maxTokens: 10_000,
        overBudgetReason: 'over',
      });
    expect(select('files').leftOut).toEqual([
      {
        path: 'src/big.py',
        reason: 'could not be read: no text at this commit (a binary, missing or too large file)',
      },
    ]);
    expect(select('diff').leftOut).toEqual([]);
  });
});
