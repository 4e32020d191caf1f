import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { Finding } from '../domain/model-answer.js';
import { fitRange, suggestionMode } from './fit-finding.js';

/** Two hunks: new lines 1-4 and 20-22. */
const PATCH = [
  '@@ -1,3 +1,4 @@',
  ' const a = 1;',
  '-const b = 2;',
  '+const b = 3;',
  '+const c = b + 1;',
  ' const d = 4;',
  '@@ -18,3 +20,3 @@ function f() {',
  ' let x = 0;',
  '-x += 1;',
  '+x += 2;',
  ' return x;',
].join('\n');

const [file] = fromGitHubFiles(
  [
    {
      filename: 'src/a.ts',
      status: 'modified',
      additions: 3,
      deletions: 2,
      changes: 5,
      patch: PATCH,
    },
  ],
  { truncated: false },
).files;

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line: 3,
  start_line: 2,
  side: 'RIGHT',
  severity: 'warning',
  category: 'bug',
  title: 'Off by one',
  body: 'Why.',
  suggestion: 'const b = 2;\nconst c = b;',
  ...overrides,
});

describe('fitRange', () => {
  it('keeps a range inside one hunk as it is', () => {
    const inside = finding();
    expect(fitRange(file, inside)).toBe(inside);
  });

  it.each([
    ['across two hunks', { start_line: 3, line: 21 }],
    ['backwards', { start_line: 4, line: 2 }],
    ['starting outside the diff', { start_line: 10, line: 20 }],
  ])('turns a range %s into a comment on its last line', (_case, overrides) => {
    expect(fitRange(file, finding(overrides)).start_line).toBeNull();
  });

  it('turns a one-line range into a single-line comment', () => {
    expect(fitRange(file, finding({ start_line: 3 })).start_line).toBeNull();
  });

  it('reads LEFT ranges by old line numbers', () => {
    expect(fitRange(file, finding({ side: 'LEFT', start_line: 1, line: 2 })).start_line).toBe(1);
    expect(
      fitRange(file, finding({ side: 'LEFT', start_line: 2, line: 19 })).start_line,
    ).toBeNull();
  });
});

describe('suggestionMode', () => {
  it('offers a suggestion block when the range is all shown on the RIGHT side', () => {
    expect(suggestionMode(file, finding())).toBe('block');
    expect(
      suggestionMode(file, finding({ start_line: null, line: 21, suggestion: 'x += 1;' })),
    ).toBe('block');
  });

  it('shows plain code when a line of the range is not in the diff, or on the LEFT side', () => {
    expect(suggestionMode(file, finding({ start_line: 4, line: 6 }))).toBe('code');
    expect(suggestionMode(file, finding({ side: 'LEFT', start_line: null, line: 2 }))).toBe('code');
    expect(suggestionMode(undefined, finding())).toBe('code');
  });

  it('shows nothing when the suggestion would leave the lines as they are, or there is none', () => {
    expect(suggestionMode(file, finding({ suggestion: 'const b = 3;\n  const c = b + 1;' }))).toBe(
      'none',
    );
    expect(suggestionMode(file, finding({ suggestion: null }))).toBe('none');
  });

  it('shows plain code for a range cut to its last line, whose suggestion was for the range', () => {
    const across = fitRange(file, finding({ start_line: 3, line: 21, suggestion: 'a;\nb;\nc;' }));
    expect(across).toMatchObject({ start_line: null, line: 21 });
    expect(suggestionMode(file, across)).toBe('code');
  });
});
