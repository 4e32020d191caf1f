import { describe, expect, it } from 'vitest';
import { diffLinesAtLeast } from './diff-lines-at-least.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';

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

describe('diffLinesAtLeast', () => {
  it("counts the diff lines of a parsed patch's hunks, and none of other hunks", () => {
    const [file] = parseUnifiedDiff(oddBytes).files;
    const built = { ...file!, hunks: file!.hunks.map((hunk) => ({ ...hunk, lines: hunk.lines })) };

    expect(diffLinesAtLeast(file!)).toBe(7);
    expect(diffLinesAtLeast(built)).toBe(0);
  });
});
