import { describe, expect, it } from 'vitest';
import type { FileChange } from '../domain/diff.js';
import { classifyChange } from './classify-change.js';
import { testDiff, testFile } from './test-diff.js';
import { testPolicy } from './test-policy.js';

const classify = (files: readonly FileChange[], authorAssociation: string | null = 'MEMBER') =>
  classifyChange({ diff: testDiff(files), policy: testPolicy, authorAssociation });

describe('classifyChange', () => {
  it.each<[string, FileChange[], string]>([
    ['a README typo', [testFile('README.md', { additions: 1, deletions: 1 })], 'low'],
    [
      'a small change with its test',
      [testFile('src/a.ts', { additions: 8 }), testFile('src/a.test.ts', { additions: 8 })],
      'low',
    ],
    ['a small change without a test', [testFile('src/a.ts', { additions: 8 })], 'low'],
    ['a CI workflow change', [testFile('.github/workflows/ci.yml', { additions: 3 })], 'low'],
    ['a Dockerfile change', [testFile('Dockerfile', { additions: 3 })], 'medium'],
    [
      'a new dependency',
      [
        testFile('package.json', { additions: 1 }),
        testFile('package-lock.json', { additions: 40 }),
      ],
      'low',
    ],
    ['50 new lines of source code', [testFile('src/a.ts', { additions: 50 })], 'medium'],
    ['300 new lines of source code', [testFile('src/a.ts', { additions: 300 })], 'high'],
    [
      'a single authentication file',
      [testFile('src/auth/session.ts', { additions: 5, deletions: 2 })],
      'high',
    ],
    [
      'an authentication file with its test',
      [
        testFile('src/auth/session.ts', { additions: 5 }),
        testFile('src/auth/session.test.ts', { additions: 5 }),
      ],
      'high',
    ],
    [
      'a destructive migration',
      [testFile('db/migrate/001_drop.sql', { added: ['DROP TABLE users;'] })],
      'high',
    ],
    [
      'authentication code that adds eval()',
      [
        testFile('src/auth/login.ts', { added: ['return eval(token);'] }),
        testFile('src/auth/login.test.ts', { additions: 1 }),
      ],
      'high',
    ],
    [
      'authentication code that adds eval(), from a first-time contributor, without tests',
      [testFile('src/auth/login.ts', { added: ['return eval(token);'] })],
      'high',
    ],
    [
      'authentication code that adds eval() in 120 new lines',
      [
        testFile('src/auth/login.ts', {
          added: ['return eval(token);', ...Array.from({ length: 119 }, (_, i) => `f(${i});`)],
        }),
      ],
      'critical',
    ],
  ])('rates %s as %s risk', (_case, files, level) => {
    const association = _case.includes('first-time') ? 'FIRST_TIME_CONTRIBUTOR' : 'MEMBER';
    expect(classify(files, association).risk.level).toBe(level);
  });

  it('explains a single authentication file change with its signals, strongest first', () => {
    const result = classify([testFile('src/auth/session.ts', { additions: 5, deletions: 2 })]);
    expect(result.risk).toEqual({
      score: 0.66,
      level: 'high',
      signals: [
        {
          id: 'sensitive-path',
          weight: 0.6,
          message: 'touches authentication code in src/auth/',
          paths: ['src/auth/session.ts'],
        },
        {
          id: 'source-churn',
          weight: 0.12,
          message: 'adds 5 lines of source code in src/auth/session.ts',
          paths: ['src/auth/session.ts'],
        },
        {
          id: 'no-tests',
          weight: 0.02,
          message: 'changes src/auth/session.ts but no test',
          paths: ['src/auth/session.ts'],
        },
      ],
    });
  });

  it('leaves a README typo with no signal and a zero score', () => {
    const result = classify([testFile('README.md', { additions: 1, deletions: 1 })]);
    expect(result.risk).toEqual({ score: 0, level: 'low', signals: [] });
    expect(result.size).toBe('XS');
  });

  it('counts every file in the totals but only files that are not ignored in the size', () => {
    const result = classify([
      testFile('package-lock.json', { additions: 5000, deletions: 3000 }),
      testFile('dist/app.js', { additions: 900 }),
      testFile('src/a.ts', { additions: 40, deletions: 20 }),
      testFile('assets/logo.png', { binary: true }),
    ]);
    expect(result).toMatchObject({
      changedFiles: 4,
      additions: 5940,
      deletions: 3020,
      changedLines: 60,
      size: 'S',
    });
  });

  it.each([
    [49, 'XS'],
    [50, 'S'],
    [999, 'M'],
    [1000, 'L'],
    [4000, 'XL'],
  ])('puts %i changed lines in size %s', (lines, size) => {
    expect(classify([testFile('src/a.ts', { additions: lines })]).size).toBe(size);
  });

  it('lets ignored files raise risk only through their dependencies', () => {
    const result = classify([
      testFile('dist/auth/login.js', { added: ['eval(x)'] }),
      testFile('yarn.lock', { additions: 12 }),
    ]);
    expect(result.risk.signals.map((signal) => signal.id)).toEqual(['dependency-manifest']);
  });

  it('classifies a file without a patch by its path', () => {
    const result = classify([
      testFile('src/payments/charge.ts', { additions: 20_000, patchAvailable: false }),
    ]);
    expect(result.risk.signals.map((signal) => signal.id)).toContain('sensitive-path');
    expect(result.size).toBe('XL');
  });

  it('orders files most risky first, then by changed lines, then by path', () => {
    const result = classify([
      testFile('README.md', { additions: 300 }),
      testFile('src/b.ts', { additions: 10 }),
      testFile('src/a.ts', { additions: 10 }),
      testFile('src/c.ts', { additions: 90 }),
      testFile('src/auth/login.ts', { additions: 1 }),
      testFile('package-lock.json', { additions: 4000 }),
      testFile('package.json', { additions: 1 }),
    ]);
    expect(result.fileRisk).toEqual([
      { path: 'src/auth/login.ts', score: 0.79 },
      { path: 'src/c.ts', score: 0.48 },
      { path: 'src/a.ts', score: 0.48 },
      { path: 'src/b.ts', score: 0.48 },
      { path: 'package.json', score: 0.05 },
      { path: 'package-lock.json', score: 0 },
      { path: 'README.md', score: 0 },
    ]);
  });

  it('classifies an empty change as XS and low risk', () => {
    expect(classify([])).toMatchObject({
      changedFiles: 0,
      changedLines: 0,
      size: 'XS',
      risk: { score: 0, level: 'low', signals: [] },
      fileRisk: [],
    });
  });

  it('raises risk from the policy sensitive paths', () => {
    const policy = {
      ...testPolicy,
      risk: { ...testPolicy.risk, sensitive_paths: ['src/ledger/**'] },
    };
    const result = classifyChange({
      diff: testDiff([
        testFile('src/ledger/price.ts', { additions: 2 }),
        testFile('src/ledger/price.test.ts'),
      ]),
      policy,
    });
    expect(result.risk).toMatchObject({ score: 0.63, level: 'high' });
    expect(result.risk.signals[0]?.message).toBe(
      'matches sensitive path src/ledger/** from the policy',
    );
  });

  it('classifies 3,000 files with 100,000 added lines, scoring every file', () => {
    const files = Array.from({ length: 3000 }, (_, index) =>
      testFile(`packages/p${index % 40}/src/module${index}/file${index}.ts`, {
        added: Array.from(
          { length: 33 },
          (_, line) =>
            `const value${line} = compute("SELECT a FROM b WHERE c = " + id${line}); // ${'x'.repeat(80)}`,
        ),
      }),
    );
    const result = classify(files);
    expect(result.fileRisk).toHaveLength(3000);
    expect(result.risk.level).toBe('critical');
  });
});
