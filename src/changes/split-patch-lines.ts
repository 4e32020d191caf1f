/**
 * Splits patch text into lines on `\n` only, in one pass. A `\r` before the `\n` stays on the
 * line: in a diff of a CRLF file it is content. The empty string after a final `\n` is not a
 * line, and a leading byte-order mark is dropped.
 */
export function splitPatchLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A byte of a multi-byte UTF-8 sequence, or of an invalid one, read as Latin-1. */
const NOT_ASCII = /[\x80-\xff]/g;

/**
 * `splitPatchLines` of the patch's UTF-8 text, from its bytes: the same lines, invalid
 * sequences replaced by U+FFFD alike. The bytes are read one character a byte (Latin-1), and
 * only the lines that hold a byte beyond ASCII are decoded as UTF-8, on their own: a newline is
 * never part of a UTF-8 sequence, so a line decodes the same alone as within the whole. The
 * text then takes one byte a character in memory, where one emoji anywhere in a patch would
 * make the whole of its UTF-8 text take two.
 */
export function splitPatchBytes(bytes: Uint8Array): string[] {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  const text = body.toString('latin1');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // One search of the whole text finds the lines to decode; most patches have few.
  let index = 0;
  let lineStart = 0;
  NOT_ASCII.lastIndex = 0;
  for (let found = NOT_ASCII.exec(text); found !== null; found = NOT_ASCII.exec(text)) {
    let line = lines[index] ?? '';
    while (lineStart + line.length < found.index) {
      lineStart += line.length + 1;
      index += 1;
      line = lines[index] ?? '';
    }
    lines[index] = Buffer.from(line, 'latin1').toString('utf8');
    lineStart += line.length + 1;
    index += 1;
    NOT_ASCII.lastIndex = lineStart;
  }
  return lines;
}

/** A header line without the `\r` a CRLF-converted patch file leaves at its end. */
export function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
