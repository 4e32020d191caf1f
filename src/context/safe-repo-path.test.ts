import { describe, expect, it } from 'vitest';
import { safeRepoPath } from './safe-repo-path.js';

describe('safeRepoPath', () => {
  it.each(['src/a.ts', 'a', '.github/workflows/ci.yml', 'dir/.hidden/x.py'])(
    'accepts %s',
    (path) => {
      expect(safeRepoPath(path)).toBe(path);
    },
  );

  it.each([
    '',
    '/etc/passwd',
    '../secret',
    'src/../../x',
    'src/./a.ts',
    'a//b',
    'a\\..\\b',
    '.git/config',
    'a\nb',
    'a\u0000b',
  ])('refuses %j', (path) => {
    expect(safeRepoPath(path)).toBeNull();
  });
});
