/**
 * o200k_base's 199,998 mergeable tokens as a hash table over their bytes, in typed arrays.
 *
 * gpt-tokenizer's own table is a JavaScript module of 200,000 string literals turned into a Map:
 * parsing and building it costs about 0.15 s of CPU and 70 MB of peak memory, on every process
 * that counts a token. This table is read from the `o200k_base.tiktoken` file the same package
 * ships (one base64 token and its rank a line): one file read and one pass over its bytes,
 * about 5 MB in all, and no string per token.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { releaseBytes } from '../domain/release-bytes.js';

/** A power of two above twice the token count, so that probes stay short. */
const SLOTS = 1 << 19;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export interface RankTable {
  /** The rank of the token with these bytes, or undefined when no token has them. */
  readonly rankOf: (bytes: Uint8Array, start: number, end: number) => number | undefined;
  /** `rankOf` with the bytes' hash already taken (`hashBytes`, or as it folds them in). */
  readonly rankOfHashed: (bytes: Uint8Array, length: number, hash: number) => number | undefined;
  /** The bytes of every token, in rank order (for checks). */
  readonly tokens: () => Iterable<{ readonly rank: number; readonly bytes: Uint8Array }>;
}

const BASE64 = (() => {
  const values = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let index = 0; index < alphabet.length; index += 1)
    values[alphabet.charCodeAt(index)] = index;
  return values;
})();

const NEWLINE = 0x0a;
const SPACE = 0x20;
const PAD = 0x3d;

/** FNV-1a: `foldByte` for each byte, from `FNV_OFFSET`. */
export const FNV_OFFSET_BASIS = FNV_OFFSET;
export const foldByte = (hash: number, byte: number): number => Math.imul(hash ^ byte, FNV_PRIME);

const hashBytes = (bytes: Uint8Array, start: number, end: number): number => {
  let hash = FNV_OFFSET;
  for (let index = start; index < end; index += 1) {
    hash = foldByte(hash, bytes[index] ?? 0);
  }
  return hash;
};

const grown = (array: Uint32Array, length: number): Uint32Array<ArrayBuffer> => {
  const larger = new Uint32Array(length);
  larger.set(array);
  return larger;
};

const notATokenLine = (at: number): Error =>
  new Error(`o200k_base.tiktoken: not a token and its rank at byte ${at}: reinstall gpt-tokenizer`);

/** o200k_base's token count: the arrays by rank start this long and grow past it. */
const EXPECTED_TOKENS = 200_000;

/** The 6 bits of the base64 digit at `at`, or a refusal of the file. */
const sextet = (file: Uint8Array, at: number): number => {
  const value = BASE64[file[at] ?? 0] ?? -1;
  if (value < 0) throw notATokenLine(at);
  return value;
};

/**
 * Builds the table from the text of a `.tiktoken` file: `BASE64 RANK` lines. One pass over its
 * bytes, four base64 digits (three bytes) at a time; the file is the package's own, so a byte
 * outside that shape is a broken install.
 */
export const buildRankTable = (file: Uint8Array): RankTable => {
  // Decoded tokens are three quarters of their base64. Slots hold rank + 1; 0 is empty.
  const blob = new Uint8Array(Math.ceil((file.length * 3) / 4));
  let starts = new Uint32Array(EXPECTED_TOKENS);
  let ends = new Uint32Array(EXPECTED_TOKENS);
  const slots = new Int32Array(SLOTS);
  let size = 0;
  let written = 0;
  let index = 0;
  while (index < file.length) {
    const tokenStart = written;
    let hash = FNV_OFFSET;
    for (; file[index] !== SPACE; index += 4) {
      const first = sextet(file, index);
      const second = sextet(file, index + 1);
      const byte = ((first << 2) | (second >> 4)) & 0xff;
      blob[written++] = byte;
      hash = foldByte(hash, byte);
      if (file[index + 2] === PAD) continue;
      const third = sextet(file, index + 2);
      const middle = ((second << 4) | (third >> 2)) & 0xff;
      blob[written++] = middle;
      hash = foldByte(hash, middle);
      if (file[index + 3] === PAD) continue;
      const last = ((third << 6) | sextet(file, index + 3)) & 0xff;
      blob[written++] = last;
      hash = foldByte(hash, last);
    }
    let rank = 0;
    for (index += 1; file[index] !== NEWLINE; index += 1) {
      const code = file[index] ?? 0;
      if (code < 0x30 || code > 0x39) throw notATokenLine(index);
      rank = rank * 10 + code - 0x30;
    }
    index += 1;
    if (rank >= file.length) throw new Error(`o200k_base.tiktoken: rank ${rank} past its lines`);
    if (rank >= starts.length) {
      const length = Math.max(starts.length * 2, rank + 1);
      starts = grown(starts, length);
      ends = grown(ends, length);
    }
    starts[rank] = tokenStart;
    ends[rank] = written;
    let slot = hash & (SLOTS - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (SLOTS - 1);
    slots[slot] = rank + 1;
    size = Math.max(size, rank + 1);
  }

  const find = (
    bytes: Uint8Array,
    start: number,
    length: number,
    hash: number,
  ): number | undefined => {
    for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const rank = (slots[slot] ?? 0) - 1;
      if (rank === -1) return undefined;
      const at = starts[rank] ?? 0;
      if ((ends[rank] ?? 0) - at !== length) continue;
      let same = true;
      for (let index = 0; index < length && same; index += 1)
        same = blob[at + index] === bytes[start + index];
      if (same) return rank;
    }
  };
  const rankOf = (bytes: Uint8Array, start: number, end: number): number | undefined =>
    find(bytes, start, end - start, hashBytes(bytes, start, end));
  const rankOfHashed = (bytes: Uint8Array, length: number, hash: number): number | undefined =>
    find(bytes, 0, length, hash);

  function* tokens() {
    for (let rank = 0; rank < size; rank += 1) {
      yield { rank, bytes: blob.subarray(starts[rank] ?? 0, ends[rank] ?? 0) };
    }
  }
  return { rankOf, rankOfHashed, tokens };
};

/** The table of the `o200k_base.tiktoken` that gpt-tokenizer ships. */
export const loadO200kRankTable = (): RankTable => {
  const path = createRequire(import.meta.url).resolve('gpt-tokenizer/data/o200k_base.tiktoken');
  const file = readFileSync(path);
  const table = buildRankTable(file);
  // The table holds the decoded tokens; the file's 3.6 MB of base64 are not needed again.
  releaseBytes(file);
  return table;
};
