import { describe, expect, it } from 'vitest';
import { isFixMessage, readRevertedShas, subjectOf } from './detect-fix-message.js';

describe('isFixMessage', () => {
  it.each([
    'Fix crash when the body is empty',
    'fixes wrong header casing (#123)',
    'fix(router): keep the trailing slash',
    'Bugfix: timeout was ignored',
    'hotfix for the release',
    'Handle a regression in parsing',
    'Avoid a crash on Windows',
    'Correct the retry count\n\nFixes #42',
    'Correct the retry count\n\nfixed octo/app#7',
  ])('reads %j as a fix', (message) => {
    expect(isFixMessage(message)).toBe(true);
  });

  it.each([
    'Add a retry option',
    'Fix typo in README',
    'fix: spelling of "receive"',
    'Fix the docs for retry',
    'Fix flaky tests on CI',
    'Fix lint errors',
    'fix(ci): cache node_modules',
    'Fix typings of the options',
    'docs: fix the example',
    'chore: fix release workflow',
    'Revert "Fix crash when the body is empty"',
    'Merge pull request #3 from a/fix-crash',
    'Add more debug output',
    'Prefix every key',
  ])('does not read %j as a fix', (message) => {
    expect(isFixMessage(message)).toBe(false);
  });
});

describe('readRevertedShas', () => {
  it('finds every commit a revert message names, full or abbreviated', () => {
    const full = 'a'.repeat(40);
    expect(
      readRevertedShas(`Revert "x"\n\nThis reverts commit ${full}.\nThis reverts commit 1234abc.`),
    ).toEqual([full, '1234abc']);
  });

  it('finds none in an ordinary message', () => {
    expect(readRevertedShas('Fix x\n\nreverts nothing')).toEqual([]);
  });
});

describe('subjectOf', () => {
  it('is the first line, trimmed', () => {
    expect(subjectOf('  Fix x  \n\nbody')).toBe('Fix x');
  });
});
