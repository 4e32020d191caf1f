/**
 * Token counts for the prompt budget, with OpenAI's `o200k_base` encoding, offline.
 *
 * An estimate for Anthropic models (their tokenizer is not public); the bill comes from the
 * provider's reported usage, never from here.
 *
 * The encoding is gpt-tokenizer's, over a compact rank table read from the data file it ships
 * (`o200k-encoding.ts`), loaded on the first count: a command that counts nothing (or a process
 * that has not yet reviewed anything) does not pay even that.
 */
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createO200kEncoding, type O200kEncoding } from './o200k-encoding.js';

/**
 * Runs of one character class longer than this are counted in slices. BPE over a single long
 * piece grows faster than its length, and a pull request author must not be able to stall the
 * worker with a file of `aaaa...`.
 */
const LONG_RUN = /([\p{L}\p{M}]{48,}|\s{48,}|[^\s\p{L}\p{M}\p{N}]{48,})/u;
const SLICE = 32;

/**
 * Remembered merges of pieces the encoder has seen (gpt-tokenizer keeps 100,000 unless told):
 * a diff repeats its identifiers and indentation, so a few thousand catch most of them.
 */
const MERGE_CACHE_SIZE = 4_096;

let encoding: O200kEncoding | null = null;

/** No special tokens: `<|endoftext|>` in a diff is text, and must not throw. */
const encodedLength = (text: string): number => {
  if (encoding === null) {
    const loaded = createO200kEncoding();
    loaded.setMergeCacheSize(MERGE_CACHE_SIZE);
    encoding = loaded;
  }
  return encoding.countTokens(text);
};

/**
 * Counts already made, by text. One review builds its prompt several times (to price each tier,
 * then to send one), and every review repeats the system prompt and its repository's
 * instructions: counting takes about 0.1 µs a character, milliseconds of the event loop that
 * intake shares, so each text is counted once. Keyed by the text's SHA-256 (hashing is about a
 * thousand times cheaper than counting), so the cache holds no text of a pull request.
 */
const counted = new LRUCache<string, number>({ max: 20_000 });

/** Shorter texts cost less to count than to look up. */
const WORTH_CACHING = 256;

let remembering = true;

/**
 * Turns remembering counts off or on. A process that counts each text about once (`classify`:
 * one draft of one change) gains nothing from it and would hash every text it counts.
 */
export const rememberCounts = (remember: boolean): void => {
  remembering = remember;
};

export const countTokens = (text: string): number => {
  if (!remembering || text.length < WORTH_CACHING) return countUncached(text);
  const key = hash('sha256', text, 'base64');
  const known = counted.get(key);
  if (known !== undefined) return known;
  const total = countUncached(text);
  counted.set(key, total);
  return total;
};

const countUncached = (text: string): number => {
  if (text === '') return 0;
  if (!hasLongRun(text)) return encodedLength(text);
  // With a capturing group, split puts the long runs at odd indexes.
  const parts = text.split(LONG_RUN);
  let total = 0;
  parts.forEach((part, index) => {
    if (part === '') return;
    if (index % 2 === 0) {
      total += encodedLength(part);
      return;
    }
    for (let start = 0; start < part.length;) {
      let end = Math.min(start + SLICE, part.length);
      // Never cut a surrogate pair in half.
      if (end < part.length && isHighSurrogate(part.charCodeAt(end - 1))) end += 1;
      total += encodedLength(part.slice(start, end));
      start = end;
    }
  });
  return total;
};

/** The shortest run LONG_RUN matches. */
const RUN = 48;
const LETTER = 1;
const BLANK = 2;
const OTHER = 3;

/** Past ASCII: the class needs Unicode's tables, so LONG_RUN decides. */
const UNICODE = -1;

/**
 * The class in LONG_RUN of the character at `index`: 0 for a digit (in none of them), UNICODE
 * for one past ASCII, and NaN past the end (equal to no class).
 */
const classAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index);
  if (code >= 0x80) return UNICODE;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return LETTER;
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return BLANK;
  if (code >= 0x30 && code <= 0x39) return 0;
  return Number.isNaN(code) ? Number.NaN : OTHER;
};

/**
 * Whether LONG_RUN matches `text`, most often without running it: any run of 48 characters
 * covers one of every 48 positions, so only those are looked at, and an ASCII character there is
 * grown into its run of one class. A character past ASCII there or at a run's end (its class
 * needs Unicode's tables) leaves the answer to the expression.
 */
const hasLongRun = (text: string): boolean => {
  let searchedTo = 0;
  for (let probe = RUN - 1; probe < text.length; probe += RUN) {
    if (probe < searchedTo) continue;
    const kind = classAt(text, probe);
    if (kind === UNICODE) return LONG_RUN.test(text);
    if (kind === 0) continue;
    let start = probe;
    while (start > 0 && classAt(text, start - 1) === kind) start -= 1;
    let end = probe + 1;
    while (classAt(text, end) === kind) end += 1;
    if (end - start >= RUN) return true;
    if (classAt(text, start - 1) === UNICODE || classAt(text, end) === UNICODE) {
      return LONG_RUN.test(text);
    }
    searchedTo = end;
  }
  return false;
};

/** Chunks of about this many characters, cut after a newline, for `countTokensUpTo`. */
const CHUNK = 4_096;
/** Near the limit, chunks shrink to about this many characters a token left, but no smaller. */
const CHARACTERS_PER_TOKEN_LEFT = 4;
const SMALLEST_CHUNK = 256;

/**
 * The count of `text` when it is at most `limit`; otherwise some number above `limit`, found
 * without counting the rest. A text that cannot fit the remaining budget costs about the budget
 * to reject, however large it is, and nothing to encode when it has more lines than the limit.
 */
export const countTokensUpTo = (text: string, limit: number): number => {
  const lines = countTokenStartingLines(text, limit);
  if (lines > limit) return lines;
  let total = 0;
  for (let start = 0; start < text.length;) {
    const left = (limit - total) * CHARACTERS_PER_TOKEN_LEFT;
    const end = chunkEnd(text, start, Math.min(CHUNK, Math.max(SMALLEST_CHUNK, left)));
    total += countTokens(text.slice(start, end));
    if (total > limit) return total;
    start = end;
  }
  return total;
};

/**
 * A lower bound on the count of `text`, up to just past `limit`: the lines that start with an
 * ASCII letter. No piece of o200k_base's split runs from a newline into a letter, and every
 * piece is at least one token, so each such line starts at least one token of its own (slices
 * and chunks only add boundaries). A rendered diff line starts with its side letter.
 */
const countTokenStartingLines = (text: string, limit: number): number => {
  let lines = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && lines <= limit;) {
    if (isAsciiLetter(text.charCodeAt(newline + 1))) lines += 1;
    newline = text.indexOf('\n', newline + 1);
  }
  return lines;
};

const isAsciiLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * After the first newline past `size` characters that starts a line with a non-blank
 * character, where the encoding would split anyway, so the chunks add up to the count of the
 * whole (or at 4 x CHUNK when there is no such line).
 */
const chunkEnd = (text: string, start: number, size: number): number => {
  if (text.length - start <= size) return text.length;
  const boundary = /\n(?=\S)/g;
  boundary.lastIndex = start + size;
  const match = boundary.exec(text);
  if (match !== null && match.index < start + 4 * CHUNK) return match.index + 1;
  const hard = start + 4 * CHUNK;
  return isHighSurrogate(text.charCodeAt(hard - 1)) ? hard + 1 : hard;
};

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
