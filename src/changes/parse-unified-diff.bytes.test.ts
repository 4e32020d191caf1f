import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const asText = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** A git diff of one file whose lines are the given byte strings, each added. */
const patchOf = (path: Uint8Array, lines: readonly Uint8Array[]): Uint8Array =>
  Buffer.concat([
    utf8('diff --git a/'),
    path,
    utf8(' b/'),
    path,
    utf8('\nindex 0000001..0000002 100644\n--- a/'),
    path,
    utf8('\n+++ b/'),
    path,
    utf8(`\n@@ -1,0 +1,${lines.length} @@ héllo 𝒳\n`),
    ...lines.flatMap((line) => [utf8('+'), line, utf8('\n')]),
  ]);

/** Bytes of a line: any byte but a newline, so invalid UTF-8 sequences are common. */
const lineBytes = fc
  .uint8Array({ maxLength: 24 })
  .map((bytes) => bytes.map((byte) => (byte === 0x0a ? 0x20 : byte)));

describe('parseUnifiedDiff of a patch given as its bytes', () => {
  it('builds the model its UTF-8 text gives, invalid sequences included', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
          .map((name) => utf8(name.replace(/[\s"\\]/g, '_'))),
        fc.array(lineBytes, { minLength: 1, maxLength: 8 }),
        (path, lines) => {
          const bytes = patchOf(path, lines);
          expect(parseUnifiedDiff(bytes)).toEqual(parseUnifiedDiff(asText(bytes)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads non-ASCII paths, text and a byte-order mark as the text does', () => {
    const text = `\uFEFFdiff --git a/docs/réadme.md b/docs/réadme.md\n--- a/docs/réadme.md\n+++ b/docs/réadme.md\n@@ -1 +1,2 @@ naïve\n-old ‘quote’\n+new “quote” 🚀\n+\uFFFD\r\n`;
    const fromBytes = parseUnifiedDiff(utf8(text));

    expect(fromBytes).toEqual(parseUnifiedDiff(text));
    expect(fromBytes.files[0]?.path).toBe('docs/réadme.md');
    expect(fromBytes.files[0]?.hunks[0]?.lines.map((line) => line.text)).toEqual([
      'old ‘quote’',
      'new “quote” 🚀',
      '\uFFFD\r',
    ]);
  });

  it('builds the same model from the bytes read as Latin-1 text', () => {
    const latin1 = (bytes: Uint8Array) => ({ latin1: Buffer.from(bytes).toString('latin1') });
    fc.assert(
      fc.property(fc.array(lineBytes, { minLength: 1, maxLength: 8 }), (lines) => {
        const bytes = patchOf(utf8('src/ä.ts'), lines);
        expect(parseUnifiedDiff(latin1(bytes))).toEqual(parseUnifiedDiff(bytes));
      }),
      { numRuns: 100 },
    );
    const withMark = utf8('\uFEFFdiff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-é\n+ü\n');
    expect(parseUnifiedDiff(latin1(withMark))).toEqual(parseUnifiedDiff(withMark));
    expect(parseUnifiedDiff(latin1(withMark)).files[0]?.path).toBe('a');
  });
});
