import { describe, expect, it } from 'vitest';
import type { FileChange } from '../domain/diff.js';
import { formatFileForPrompt, PROMPT_DIFF_LEGEND } from './format-file-for-prompt.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';

const [renamed] = parseUnifiedDiff(
  [
    'diff --git a/src/main.ts b/src/app.ts',
    'similarity index 80%',
    'rename from src/main.ts',
    'rename to src/app.ts',
    '--- a/src/main.ts',
    '+++ b/src/app.ts',
    '@@ -8,4 +8,5 @@ function main() {',
    ' const a = 1;',
    '-const b = 2;',
    '+const b = 3;',
    '+',
    '+const c = 4;\r',
    ' return a;',
    '',
  ].join('\n'),
).files;

const base: FileChange = {
  path: 'x',
  previousPath: null,
  status: 'modified',
  additions: 0,
  deletions: 0,
  binary: false,
  patchAvailable: true,
  hunks: [],
};

describe('formatFileForPrompt', () => {
  it('numbers added and context lines by the new file and deleted lines by the old file', () => {
    expect(formatFileForPrompt(renamed!)).toBe(
      [
        '### src/app.ts (renamed from src/main.ts, +3 -1)',
        '@@ -8,4 +8,5 @@ function main() {',
        'R  8   const a = 1;',
        'L  9 - const b = 2;',
        'R  9 + const b = 3;',
        'R 10 +',
        'R 11 + const c = 4;',
        'R 12   return a;',
      ].join('\n'),
    );
  });

  it.each([
    {
      name: 'a binary file',
      file: {
        ...base,
        path: 'logo.png',
        status: 'added' as const,
        binary: true,
        patchAvailable: false,
      },
      text: '### logo.png (added, binary)\n(binary file: no text diff)',
    },
    {
      name: 'a file GitHub sent without its patch',
      file: { ...base, path: 'big.json', additions: 5000, deletions: 3, patchAvailable: false },
      text: '### big.json (modified, +5000 -3)\n(patch not available: GitHub leaves out the patch of large files)',
    },
    {
      name: 'a pure rename',
      file: { ...base, path: 'b.ts', previousPath: 'a.ts', status: 'renamed' as const },
      text: '### b.ts (renamed from a.ts, +0 -0)\n(no line changes)',
    },
    {
      name: 'a copy',
      file: { ...base, path: 'c.ts', previousPath: 'a.ts', status: 'copied' as const },
      text: '### c.ts (copied from a.ts, +0 -0)\n(no line changes)',
    },
  ])('renders $name as one line that says so', ({ file, text }) => {
    expect(formatFileForPrompt(file)).toBe(text);
  });

  it('explains the R and L sides in its legend', () => {
    expect(PROMPT_DIFF_LEGEND).toMatch(/R is the new file.*RIGHT/);
    expect(PROMPT_DIFF_LEGEND).toMatch(/L is the old file.*LEFT/);
  });
});
