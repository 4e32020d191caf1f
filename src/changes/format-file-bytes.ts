/**
 * `formatFileForPrompt`'s text as UTF-8 bytes, written without making it. The prompt's fence
 * hashes every file as rendered and looks for runs of hex digits in it; on a large patch that is
 * most of the text of the patch again, in strings and line objects that only live to be hashed.
 * A parsed patch's lines are copied from its bytes instead, into one buffer that is reused.
 */
import { isUtf8 } from 'node:buffer';
import type { FileChange, Hunk } from '../domain/diff.js';
import {
  fileHeading,
  formatFileForPrompt,
  formatHunkHeader,
  formatLine,
  lineNumberWidth,
  withoutCarriageReturn,
} from './format-file-for-prompt.js';
import { hunkSource, walkHunkSource, type HunkSource } from './parse-hunks.js';
import type { PatchBytes } from './patch-lines.js';

/** A text as its UTF-8 bytes, and its length in UTF-16 code units (a string's `length`). */
export interface QuotedBytes {
  readonly length: number;
  readonly bytes: Uint8Array;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const ZERO = 0x30;
/** A line's newline, side, op and blanks, and the digits of a number past `width`. */
const MAX_PREFIX = 24;
const SIDE = { add: 0x52, context: 0x52, del: 0x4c } as const;
const OP = { add: 0x2b, context: SPACE, del: 0x2d } as const;

let buffer = Buffer.allocUnsafe(1 << 16);
let size = 0;
/** Bytes written beyond the UTF-16 code units they encode. */
let extra = 0;

const reserve = (bytes: number): void => {
  if (size + bytes <= buffer.length) return;
  const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, size + bytes));
  buffer.copy(grown, 0, 0, size);
  buffer = grown;
};

const writeString = (text: string): void => {
  reserve(text.length * 3);
  const written = buffer.write(text, size, 'utf8');
  size += written;
  extra += written - text.length;
};

/**
 * `formatFileForPrompt(file)` encoded as UTF-8, with its text's length. The bytes are a view of a
 * buffer the next call overwrites.
 */
export const formatFileBytes = (file: FileChange): QuotedBytes => {
  size = 0;
  extra = 0;
  if (file.binary || !file.patchAvailable || file.hunks.length === 0) {
    writeString(formatFileForPrompt(file));
  } else {
    writeString(fileHeading(file));
    const width = lineNumberWidth(file.hunks);
    for (const hunk of file.hunks) {
      reserve(1);
      buffer[size++] = NEWLINE;
      writeString(formatHunkHeader(hunk));
      writeHunkLines(hunk, width);
    }
  }
  return { length: size - extra, bytes: buffer.subarray(0, size) };
};

/**
 * A lower bound on the lines of `formatFileForPrompt(file)` that render a diff line (each starts
 * with its side letter): the lines of its hunks that came from a parsed patch.
 */
export const diffLinesAtLeast = (file: FileChange): number => {
  let lines = 0;
  for (const hunk of file.hunks) lines += hunkSource(hunk)?.lines ?? 0;
  return lines;
};

const writeHunkLines = (hunk: Hunk, width: number): void => {
  const source = hunkSource(hunk);
  const bytes = source?.patchLines.bytes;
  if (source === undefined || bytes === undefined) {
    for (const line of hunk.lines) {
      reserve(1);
      buffer[size++] = NEWLINE;
      writeString(formatLine(line, width));
    }
    return;
  }
  writeSourceLines(source, bytes, width);
};

/**
 * Each line as `formatLine` renders it, its text copied from the patch's bytes (into locals of
 * the loop: this runs for every byte of the patch).
 */
const writeSourceLines = (source: HunkSource, bytes: PatchBytes, width: number): void => {
  const { text, ends, encoded } = bytes;
  walkHunkSource(source, (kind, oldLine, newLine, index) => {
    const start = index === 0 ? 1 : (ends[index - 1] ?? 0) + 2;
    let end = ends[index] ?? 0;
    if (end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end -= 1;
    reserve(MAX_PREFIX + width + Math.max(0, end - start));
    const out = buffer;
    let at = size;
    out[at++] = NEWLINE;
    out[at++] = SIDE[kind];
    out[at++] = SPACE;
    at = writeNumber(out, at, (kind === 'del' ? oldLine : newLine) ?? 0, width);
    // An empty text leaves the prefix without its trailing blanks.
    if (end > start || kind !== 'context') {
      out[at++] = SPACE;
      out[at++] = OP[kind];
    }
    if (end > start) {
      out[at++] = SPACE;
      const from = at;
      for (let char = start; char < end; char += 1) out[at++] = text.charCodeAt(char);
      size = at;
      if (encoded[index] === 1) countEncoded(from, source, index);
    } else {
      size = at;
    }
  });
};

/**
 * The text of a line that holds a byte past ASCII, just copied to `from..size`: valid UTF-8
 * stays as it is, and anything else is written as the decoded text is (invalid sequences
 * become U+FFFD).
 */
const countEncoded = (from: number, source: HunkSource, index: number): void => {
  const written = buffer.subarray(from, size);
  if (isUtf8(written)) {
    extra += written.length - utf16Length(written);
    return;
  }
  size = from;
  writeString(withoutCarriageReturn(source.patchLines.rest(index)));
};

/** The UTF-16 code units of valid UTF-8: one a sequence, two for one of four bytes. */
const utf16Length = (utf8: Uint8Array): number => {
  let units = 0;
  for (const byte of utf8) {
    if ((byte & 0xc0) !== 0x80) units += 1;
    if (byte >= 0xf0) units += 1;
  }
  return units;
};

/** Writes `String(number).padStart(width)` at `at`; returns where it ends. */
const writeNumber = (out: Uint8Array, at: number, number: number, width: number): number => {
  let digits = 1;
  for (let rest = number; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  let end = at;
  for (let pad = width - digits; pad > 0; pad -= 1) out[end++] = SPACE;
  end += digits;
  let rest = number;
  for (let digit = end - 1; digit >= end - digits; digit -= 1) {
    out[digit] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return end;
};
