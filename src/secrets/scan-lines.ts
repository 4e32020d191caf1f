/**
 * The secrets that span consecutive lines of one text: values named on a neighbouring line
 * (`find-block-secrets.ts`), and PEM private keys across lines. A key block opens at a `-----BEGIN … PRIVATE KEY-----` line that holds
 * nothing after the marker but the key (a quote, `\n`, base64), runs over base64 and header
 * lines, and closes at its `-----END` line; everything in between is redacted. Base64 lines just
 * above an `-----END … PRIVATE KEY-----` that has no BEGIN in view (a hunk that starts inside a
 * key) are redacted too.
 */
import { findBlockSecrets, mayEndAsOpener, mayNameSecretKind } from './find-block-secrets.js';
import type { SecretRange } from './types.js';

const BEGIN = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const END = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
/** What may follow a BEGIN marker on a line that opens a block: the key itself, escaped or not. */
const KEY_REST = /^(?:\\r)?(?:\\n)?[A-Za-z0-9+/=\\]*["'`]?\s*[+,;]?\s*$/;
/** A line inside a key: base64 (maybe quoted, with `\n`), an RFC 1421 header, or blank. */
const KEY_LINE =
  /^\s*["'`]?(?:[A-Za-z0-9+/=]{1,200}|[A-Za-z-]{1,40}: ?[^\s].{0,200})?(?:\\r)?(?:\\n)?["'`]?\s*[+,;]?\s*$/;
const BASE64_LINE = /^\s*["'`]?[A-Za-z0-9+/=]{16,200}(?:\\r)?(?:\\n)?["'`]?\s*[+,;]?\s*$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

const keyRange = (start: number, end: number): SecretRange => ({ start, end, kind: 'private-key' });

/** Fewer base64 characters than any real key holds: `-----BEGIN PRIVATE KEY-----\nanything`. */
const MIN_KEY_BODY = 64;
const MARKER = /-----(?:BEGIN|END)[A-Z0-9 ]{0,40}-----/g;

/**
 * Key blocks (runs of lines with a private-key range) whose ranges hold fewer than
 * `MIN_KEY_BODY` base64 characters besides their markers: a placeholder or a check, not a key.
 */
const dropKeysWithoutBody = (lines: readonly string[], found: SecretRange[][]): SecretRange[][] => {
  const isKey = (range: SecretRange) => range.kind === 'private-key';
  let start = 0;
  while (start < found.length) {
    if (!(found[start] ?? []).some(isKey)) {
      start += 1;
      continue;
    }
    let end = start;
    let body = 0;
    while (end < found.length && (found[end] ?? []).some(isKey)) {
      for (const range of (found[end] ?? []).filter(isKey)) {
        const text = (lines[end] ?? '').slice(range.start, range.end).replace(MARKER, '');
        body += text.replace(/\\n|[^A-Za-z0-9+/]/g, '').length;
      }
      end += 1;
    }
    if (body < MIN_KEY_BODY)
      for (let index = start; index < end; index += 1)
        found[index] = (found[index] ?? []).filter((range) => !isKey(range));
    start = end;
  }
  return found;
};

/**
 * Whether `scanBlocks` could find anything in these lines beyond what it is given: only a line
 * with a PEM marker (`-----`), a Kubernetes `Secret` (in any of its cases) or a block opener's last character starts a
 * secret that spans lines. A hunk without one skips the scan.
 */
export const mayOpenBlock = (line: string): boolean =>
  mayEndAsOpener(line) || line.includes('-----') || mayNameSecretKind(line);

export const mayHoldBlockSecrets = (lines: readonly string[]): boolean => lines.some(mayOpenBlock);

/**
 * Adds to `found` (each line's single-line ranges, found beforehand, perhaps in a larger text)
 * the secrets that span lines, and returns it.
 */
export const scanBlocks = (lines: readonly string[], found: SecretRange[][]): SecretRange[][] => {
  findBlockSecrets(lines, found);
  // Without a marker, no key opens or closes here; only a key found beforehand could need checking.
  if (
    !lines.some((line) => line.includes('-----')) &&
    !found.some((ranges) => ranges.some((range) => range.kind === 'private-key'))
  )
    return found;
  let inKey = false;
  lines.forEach((line, index) => {
    const ranges = found[index] ?? [];
    if (inKey) {
      const end = END.exec(line);
      if (end !== null) {
        ranges.push(keyRange(0, end.index + end[0].length));
        inKey = false;
      } else if (KEY_LINE.test(line)) {
        ranges.push(keyRange(indentOf(line), line.length));
      } else {
        inKey = false;
      }
      if (inKey || end !== null) return;
    }
    if (!line.includes('-----')) return;
    const begin = BEGIN.exec(line);
    if (begin !== null) {
      const afterBegin = begin.index + begin[0].length;
      const end = END.exec(line.slice(afterBegin));
      if (end !== null) {
        ranges.push(keyRange(begin.index, afterBegin + end.index + end[0].length));
        return;
      }
      if (KEY_REST.test(line.slice(afterBegin))) {
        ranges.push(keyRange(begin.index, line.length));
        inKey = true;
      }
      return;
    }
    const orphanEnd = END.exec(line);
    if (orphanEnd !== null) {
      let above = index - 1;
      while (above >= 0 && BASE64_LINE.test(lines[above] ?? '')) {
        const text = lines[above] ?? '';
        found[above]?.push(keyRange(indentOf(text), text.length));
        above -= 1;
      }
      if (above < index - 1) ranges.push(keyRange(0, orphanEnd.index + orphanEnd[0].length));
    }
  });
  return dropKeysWithoutBody(lines, found);
};
