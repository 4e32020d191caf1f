/**
 * Data blocks for text the pull request's author wrote. A block opens with
 * `<<<PR DATA <fence>: <label>>>>` and closes with `<<<END PR DATA <fence>>>>`. The fence is
 * derived from a hash of everything quoted, so it is deterministic yet unknown to the author until
 * the content is final, and it never occurs in the content: text inside a block cannot close it.
 */
import { createHash } from 'node:crypto';

const FENCE_LENGTH = 16;

/**
 * The fence for a prompt that quotes `contents`. Should a candidate occur in any of them, the next
 * candidate is tried, one hex digit longer every 8 attempts.
 *
 * `contents` is read once, one text at a time, so it may render each text as it goes and hold
 * none of them: a candidate is lowercase hex, so it can only occur inside a run of at least
 * `length` hex digits, and those runs are all that is kept to check the candidates against.
 */
export const chooseFence = (contents: Iterable<string>, length: number = FENCE_LENGTH): string => {
  const hash = createHash('sha256');
  const hexRuns: string[] = [];
  for (const content of contents) {
    // Length-prefixed, so ['ab', 'c'] and ['a', 'bc'] hash differently.
    hash.update(`${content.length}:`).update(content);
    collectHexRuns(content, Math.max(1, length), hexRuns);
  }
  const digest = hash.digest('hex');
  for (let attempt = 0; ; attempt += 1) {
    const candidate = createHash('sha256')
      .update(`${attempt}:${digest}`)
      .digest('hex')
      .slice(0, length + Math.floor(attempt / 8));
    if (!hexRuns.some((run) => run.includes(candidate))) return candidate;
  }
};

/**
 * Adds to `into` the runs of at least `length` lowercase hex digits in `text`. Such a run covers
 * one of every `length` positions, so only those are looked at, and a hex digit there is grown
 * into its run: about a sixth of the work of a regular expression over every position.
 */
const collectHexRuns = (text: string, length: number, into: string[]): void => {
  const codeAt = (index: number) => text.charCodeAt(index);
  let searchedTo = 0;
  for (let probe = length - 1; probe < text.length; probe += length) {
    if (probe < searchedTo || !isHexDigit(codeAt(probe))) continue;
    let start = probe;
    while (start > 0 && isHexDigit(codeAt(start - 1))) start -= 1;
    let end = probe + 1;
    while (end < text.length && isHexDigit(codeAt(end))) end += 1;
    searchedTo = end;
    if (end - start >= length) into.push(copyOf(text, start, end));
  }
};

/** A copy of the run: a slice would keep the whole text alive. */
const copyOf = (text: string, start: number, end: number): string =>
  text.slice(start, end).split('').join('');

const isHexDigit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);

/** Wraps untrusted `content` in a block; the label is quoted so it stays on its marker line. */
export const fenceData = (fence: string, label: string, content: string): string =>
  `<<<PR DATA ${fence}: ${label}>>>\n${content}\n<<<END PR DATA ${fence}>>>`;

/** A value from the pull request on one line, with quotes and control characters escaped. */
export const quoteInline = (value: string): string => JSON.stringify(value);
