import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './default-policy.js';
import { globProblem } from './check-glob.js';

describe('globProblem', () => {
  it.each([
    'src/auth/**',
    '**/*.md',
    '**/*.{test,spec}.ts',
    '**/migrations/**/*.sql',
    '[abc]*.md',
    '**/*-*.ts',
    '.github/workflows/*.yml',
    'a\\*b\\*c\\*d*',
  ])('takes %s', (glob) => {
    expect(globProblem(glob)).toBeNull();
  });

  it('takes every glob of the default policy', () => {
    const { skip, risk, review } = DEFAULT_POLICY;
    for (const glob of [...skip.only_paths, ...risk.sensitive_paths, ...review.ignore_paths])
      expect(globProblem(glob), glob).toBeNull();
  });

  it.each([
    ['services/ledger/**/*.{ts,tsx', /^not a glob picomatch can read: Missing closing: "}"/],
    ['src/[a-z', /^not a glob picomatch can read/],
    ['/src/**', /^globs match paths from the repository root/],
    ['**/*-*-*.ts', /^3 \* in one file or folder name: at most 2/],
    ['*a*a*a*ab', /^4 \* in one file or folder name/],
    ['**/a/**/b/**/c', /^3 \*\* in one glob: at most 2/],
    ['!CHANGELOG.md', /^a glob starting with ! matches every path but its own/],
  ])('refuses %s, saying why', (glob, message) => {
    expect(globProblem(glob)?.message).toMatch(message);
  });
});
