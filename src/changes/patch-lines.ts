/**
 * The lines of a patch, found without splitting it: where each ends is kept, and a line's text
 * is sliced from the patch when it is read. The parser reads a hunk's content lines by their
 * first character only, so a patch's hunks cost no string a line until a stage reads them.
 */

/** A patch's lines, split on `\n` only (a `\r` before it stays on the line), read one at a time. */
export interface PatchLines {
  readonly length: number;
  /** The line's text, or undefined past the last line. */
  readonly at: (index: number) => string | undefined;
  /**
   * The line's first character when it is ASCII (the marks of a diff are), some code above 0x7f
   * when it is not, and -1 for an empty line.
   */
  readonly firstCode: (index: number) => number;
  /** The line's text without its first character, which must be ASCII. */
  readonly rest: (index: number) => string;
  /** The patch's bytes one character a byte, where its lines were found from its bytes. */
  readonly bytes?: PatchBytes;
}

/** A patch's bytes as Latin-1 text, where each line ends, and which lines hold a byte past ASCII. */
export interface PatchBytes {
  readonly text: string;
  /** Where line `i` ends (its `\n`, or the end of the text); it starts after line `i - 1`'s end. */
  readonly ends: Uint32Array;
  /** 1 for a line that holds a byte past ASCII (which `at` and `rest` decode as UTF-8). */
  readonly encoded: Uint8Array;
}

/** Lines already split (GitHub's patch fields, tests). */
export const patchLinesOf = (lines: readonly string[]): PatchLines => ({
  length: lines.length,
  at: (index) => lines[index],
  firstCode: (index) => {
    const line = lines[index] ?? '';
    return line === '' ? -1 : line.charCodeAt(0);
  },
  rest: (index) => (lines[index] ?? '').slice(1),
});

/** A byte of a multi-byte UTF-8 sequence, or of an invalid one, read as Latin-1. */
const NOT_ASCII = /[\x80-\xff]/g;

/**
 * The lines of `text` split on `\n` (the empty string after a final `\n` is not a line). With
 * `latin1`, `text` holds a patch's bytes one character a byte, and a line that holds a byte
 * beyond ASCII is decoded as UTF-8 when it is read: a newline is never part of a UTF-8
 * sequence, so a line decodes the same alone as within the whole.
 */
export const indexPatchLines = (text: string, latin1: boolean): PatchLines => {
  let ends = new Uint32Array(Math.max(16, text.length >>> 5));
  let length = 0;
  for (let start = 0; start < text.length; length += 1) {
    if (length === ends.length) {
      const grown = new Uint32Array(ends.length * 2);
      grown.set(ends);
      ends = grown;
    }
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    ends[length] = end;
    start = end + 1;
  }
  const encoded = latin1 ? markEncodedLines(text, ends, length) : null;
  const startOf = (index: number): number => (index === 0 ? 0 : (ends[index - 1] ?? 0) + 1);
  const slice = (index: number, from: number): string => {
    const piece = text.slice(from, ends[index] ?? text.length);
    return encoded?.[index] === 1 ? Buffer.from(piece, 'latin1').toString('utf8') : piece;
  };
  return {
    length,
    ...(encoded === null ? {} : { bytes: { text, ends, encoded } }),
    at: (index) => (index >= 0 && index < length ? slice(index, startOf(index)) : undefined),
    firstCode: (index) => {
      const start = startOf(index);
      return start === (ends[index] ?? start) ? -1 : text.charCodeAt(start);
    },
    rest: (index) => {
      const start = startOf(index);
      return start === (ends[index] ?? start) ? '' : slice(index, start + 1);
    },
  };
};

/** A flag for each line of `text` that holds a byte beyond ASCII, found in one search. */
const markEncodedLines = (text: string, ends: Uint32Array, length: number): Uint8Array => {
  const flags = new Uint8Array(length);
  let index = 0;
  NOT_ASCII.lastIndex = 0;
  for (let found = NOT_ASCII.exec(text); found !== null; found = NOT_ASCII.exec(text)) {
    while ((ends[index] ?? text.length) < found.index) index += 1;
    flags[index] = 1;
    NOT_ASCII.lastIndex = (ends[index] ?? text.length) + 1;
  }
  return flags;
};

/** The lines of a patch's text; a leading byte-order mark is dropped. */
export const linesOfPatchText = (text: string): PatchLines =>
  indexPatchLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, false);

/**
 * The lines of a patch's UTF-8 bytes, as its text would give them (invalid sequences become
 * U+FFFD alike; a leading byte-order mark is dropped). The bytes are read one character a byte, so the text takes one byte a character in memory, where one emoji anywhere
 * in a patch would make the whole of its UTF-8 text take two.
 */
export const linesOfPatchBytes = (bytes: Uint8Array): PatchLines =>
  linesOfPatchLatin1(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  );

/**
 * A patch's UTF-8 bytes read as Latin-1 text, one character a byte (`bytes.toString('latin1')`):
 * the patch is then held once, as that text, where its bytes would stay until the collector
 * finds them unused.
 */
export interface Latin1Patch {
  readonly latin1: string;
}

/** The lines of a patch's bytes given as Latin-1 text, as `linesOfPatchBytes` gives them. */
export const linesOfPatchLatin1 = (text: string): PatchLines =>
  indexPatchLines(text.startsWith('\xef\xbb\xbf') ? text.slice(3) : text, true);

/** A header line without the `\r` a CRLF-converted patch file leaves at its end. */
export function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
