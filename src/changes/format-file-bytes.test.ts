import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileChange } from '../domain/diff.js';
import { diffLinesAtLeast, formatFileBytes } from './format-file-bytes.js';
import { formatFileForPrompt } from './format-file-for-prompt.js';
import { parseHunks } from './parse-hunks.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';

const FIXTURES = ['test/fixtures/patches', 'test/fixtures/injection'];

const patchFiles = (): { name: string; bytes: Buffer }[] =>
  FIXTURES.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.patch'))
      .map((name) => ({ name, bytes: readFileSync(`${folder}/${name}`) })),
  );

/** Bytes a text editor would not write: invalid UTF-8, an encoded surrogate, a BOM mid-line. */
const oddBytes = Buffer.concat([
  Buffer.from(
    'diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1,4 +1,6 @@ caf\xe9\n',
    'latin1',
  ),
  Buffer.from('-caf\xe9 0123456789abcdef0123\n', 'latin1'),
  Buffer.from('+café 😀 ok\r\n+\r\n', 'utf8'),
  Buffer.from([0x2b, 0xef, 0xbb, 0xbf, 0x62, 0xed, 0xa0, 0x80, 0x0d, 0x0a]),
  Buffer.from(' ctx\xff\xfe\n \n\n\\ No newline at end of file\n', 'latin1'),
]);

const expectSameAsText = (file: FileChange): void => {
  const text = formatFileForPrompt(file);
  const { bytes, length } = formatFileBytes(file);
  expect(Buffer.from(bytes).toString('utf8')).toBe(text);
  expect(Buffer.compare(Buffer.from(bytes), Buffer.from(text, 'utf8'))).toBe(0);
  expect(length).toBe(text.length);
};

describe('formatFileBytes', () => {
  it("writes each fixture file's rendering as its UTF-8, parsed from bytes or from text", () => {
    const all = patchFiles();
    expect(all.length).toBeGreaterThan(40);
    for (const { bytes } of all) {
      for (const file of parseUnifiedDiff(bytes).files) expectSameAsText(file);
      for (const file of parseUnifiedDiff(bytes.toString('utf8')).files) expectSameAsText(file);
    }
  });

  it('writes invalid UTF-8 as its text decodes, and counts the length of that text', () => {
    const [file] = parseUnifiedDiff(oddBytes).files;

    expect(file?.hunks[0]?.lines).toHaveLength(7);
    expectSameAsText(file!);
  });

  it("writes hunks that are not a parsed patch's (GitHub's patch field, built ones) alike", () => {
    const hunks = parseHunks('@@ -9,2 +9,3 @@ fn\n a\n-b\n+c\n+\n');
    const built: FileChange = {
      path: 'src/ä.ts',
      previousPath: null,
      status: 'modified',
      additions: 2,
      deletions: 1,
      binary: false,
      patchAvailable: true,
      hunks: [...hunks, { ...hunks[0]!, oldStart: 120, newStart: 121, lines: hunks[0]!.lines }],
    };

    expectSameAsText(built);
    expectSameAsText({ ...built, binary: true, hunks: [] });
    expectSameAsText({ ...built, hunks: [] });
  });
});

describe('diffLinesAtLeast', () => {
  it("counts the diff lines of a parsed patch's hunks, and none of other hunks", () => {
    const [file] = parseUnifiedDiff(oddBytes).files;
    const built = { ...file!, hunks: file!.hunks.map((hunk) => ({ ...hunk, lines: hunk.lines })) };

    expect(diffLinesAtLeast(file!)).toBe(7);
    expect(diffLinesAtLeast(built)).toBe(0);
  });
});
