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

/** A header line without the `\r` a CRLF-converted patch file leaves at its end. */
export function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
