import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../domain/diff.js';
import { testFile } from '../test-diff.js';
import { detectNoTests } from './detect-no-tests.js';
import { testContext } from './test-context.js';

const code = (path: string, options: Parameters<typeof testFile>[1] = { additions: 5 }) =>
  testFile(path, options);

describe('detectNoTests', () => {
  it.each<[string, FileChange[], string[] | null]>([
    ['one source file, no test', [code('src/a.ts')], ['src/a.ts']],
    ['a source file and its test', [code('src/a.ts'), code('src/a.test.ts')], null],
    ['a source file and a test folder file', [code('lib/a.py'), code('tests/test_a.py')], null],
    ['a Go file and its _test.go', [code('pkg/a.go'), code('pkg/a_test.go')], null],
    ['only documentation', [code('README.md')], null],
    ['only configuration', [code('tsconfig.json'), code('.github/workflows/ci.yml')], null],
    ['a removed source file', [code('src/old.ts', { status: 'removed', deletions: 40 })], null],
    [
      'a source file and a removed test',
      [code('src/a.ts'), code('src/a.test.ts', { status: 'removed', deletions: 9 })],
      ['src/a.ts'],
    ],
    ['a pure rename', [code('src/b.ts', { status: 'renamed', previousPath: 'src/a.ts' })], null],
    ['an ignored minified file', [code('public/app.min.js')], null],
    [
      'a source file without a patch',
      [code('src/huge.ts', { additions: 9000, patchAvailable: false })],
      ['src/huge.ts'],
    ],
  ])('with %s, reports %j', (_case, files, paths) => {
    const signal = detectNoTests(testContext(files));
    expect(signal === null ? null : signal.paths).toEqual(paths);
  });

  it.each([
    [['src/a.ts'], 'changes src/a.ts but no test'],
    [['src/a.ts', 'src/b.ts'], 'changes 2 source files (src/a.ts and src/b.ts) but no test'],
  ])('explains itself for %j', (paths, message) => {
    const signal = detectNoTests(testContext(paths.map((path) => code(path))));
    expect(signal).toMatchObject({ id: 'no-tests', weight: 0.02, message });
  });
});
