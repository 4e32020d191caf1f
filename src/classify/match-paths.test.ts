import { describe, expect, it } from 'vitest';
import { compileGlobs, findMatchingGlob, matchesAny } from './match-paths.js';

describe('matchesAny', () => {
  it.each([
    ['README.md', ['**/*.md'], true],
    ['docs/guide/setup.md', ['**/*.md'], true],
    ['docs/img/logo.png', ['docs/**'], true],
    ['src/docs/a.ts', ['docs/**'], false],
    ['.github/workflows/ci.yml', ['.github/**'], true],
    ['src/.hidden/a.ts', ['src/**'], true],
    ['.eslintrc.md', ['*.md'], true],
    ['yarn.lock', ['**/*.lock'], true],
    ['packages/app/yarn.lock', ['**/*.lock'], true],
    ['src/locker.ts', ['**/*.lock'], false],
    ['src/a.ts', [], false],
    ['src/a.ts', ['lib/**', 'src/*.ts'], true],
  ])('matches %s against %j: %s', (path, globs, expected) => {
    expect(matchesAny(path, globs)).toBe(expected);
  });

  it('reuses one compiled matcher for the same glob list', () => {
    const globs = ['**/*.md', 'docs/**'];
    expect(compileGlobs(globs)).toBe(compileGlobs(globs));
    expect(compileGlobs([...globs])).toBe(compileGlobs(globs));
  });

  it('answers with a boolean when used as an array callback', () => {
    const isDoc = compileGlobs(['docs/**']);
    expect(['src/a.ts', 'lib/b.ts'].some(isDoc)).toBe(false);
  });
});

describe('findMatchingGlob', () => {
  it.each([
    ['src/auth/a.ts', ['lib/**', 'src/auth/**', 'src/**'], 'src/auth/**'],
    ['src/b.ts', ['lib/**', 'src/**'], 'src/**'],
    ['app/b.ts', ['lib/**', 'src/**'], null],
  ])('finds the first glob of the list that matches %s', (path, globs, expected) => {
    expect(findMatchingGlob(path, globs)).toBe(expected);
  });
});
