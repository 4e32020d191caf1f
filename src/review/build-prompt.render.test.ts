import { describe, expect, it, vi } from 'vitest';
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import type { FileChange } from '../domain/diff.js';
import { buildReviewPrompt } from './build-prompt.js';
import { classification, diffOf, input } from './test-prompt-input.js';

/** A patch of `sizes.length` files, file `i` adding `sizes[i]` lines of a few words. */
const patchOf = (sizes: readonly number[]): FileChange[] => {
  const text = sizes
    .map((size, index) =>
      [
        `diff --git a/f${index}.ts b/f${index}.ts`,
        `--- a/f${index}.ts`,
        `+++ b/f${index}.ts`,
        `@@ -0,0 +1,${size} @@`,
        ...Array.from(
          { length: size },
          (_, line) => `+const value${line} = compute(${line}, 'ünï');`,
        ),
      ].join('\n'),
    )
    .join('\n');
  return [...parseUnifiedDiff(Buffer.from(`${text}\n`)).files];
};

/** The same files with plain hunks, as a test or GitHub's files API would build them. */
const plain = (files: readonly FileChange[]): FileChange[] =>
  files.map((change) => ({
    ...change,
    hunks: change.hunks.map((hunk) => ({ ...hunk, lines: hunk.lines })),
  }));

const draft = (files: FileChange[], maxInputTokens: number) =>
  input({
    diff: diffOf(files),
    classification: classification(files.map((change) => change.path)),
    maxInputTokens,
    formatFile: formatFileForPrompt,
  });

describe('buildReviewPrompt of a draft, which is given its fence', () => {
  it('leaves out a file with more lines than a third of the tokens left, without rendering it', () => {
    const files = patchOf([3_000, 5, 1_500, 5]);
    const render = vi.fn(formatFileForPrompt);
    const result = buildReviewPrompt({
      ...draft(files, 6_000),
      formatFile: render,
      draftFence: 'f00d'.repeat(4),
    });

    expect(result.includedPaths).toEqual(['f1.ts', 'f3.ts']);
    expect(render.mock.calls.map(([change]) => change.path)).toEqual(['f1.ts', 'f3.ts']);
    // Rendered and counted, the same files are left out.
    expect(result).toEqual(
      buildReviewPrompt({ ...draft(plain(files), 6_000), draftFence: 'f00d'.repeat(4) }),
    );
  });
});
