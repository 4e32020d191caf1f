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

const notATokenLine = (at: number): Error =>
  new Error(`o200k_base.tiktoken: not a token and its rank at byte ${at}: reinstall gpt-tokenizer`);

/**
 * Builds the table from the text of a `.tiktoken` file: `BASE64 RANK` lines. One pass over its
 * bytes; the file is the package's own, so a byte outside that shape is a broken install.
 */
export const buildRankTable = (file: Uint8Array): RankTable => {
  let lines = 0;
  for (let index = 0; index < file.length; index += 1) if (file[index] === NEWLINE) lines += 1;
  // Decoded tokens are shorter than their base64. Slots hold rank + 1; 0 is empty.
  const blob = new Uint8Array(file.length);
  const starts = new Uint32Array(lines + 1);
  const ends = new Uint32Array(lines + 1);
  const slots = new Int32Array(SLOTS);
  let size = 0;
  let written = 0;
  let index = 0;
  while (index < file.length) {
    const tokenStart = written;
    let hash = FNV_OFFSET;
    let bits = 0;
    let count = 0;
    let code = file[index] ?? NEWLINE;
    for (; code !== SPACE; code = file[++index] ?? NEWLINE) {
      if (code === PAD) continue;
      const value = BASE64[code] ?? -1;
      if (value < 0) throw notATokenLine(index);
      bits = ((bits << 6) | value) & 0xffffff;
      count += 6;
      if (count >= 8) {
        count -= 8;
        const byte = (bits >>> count) & 0xff;
        blob[written++] = byte;
        hash = foldByte(hash, byte);
      }
    }
    let rank = 0;
    for (code = file[++index] ?? NEWLINE; code !== NEWLINE; code = file[++index] ?? NEWLINE) {
      if (code < 0x30 || code > 0x39) throw notATokenLine(index);
      rank = rank * 10 + code - 0x30;
    }
    index += 1;
    if (rank >= starts.length) throw new Error(`o200k_base.tiktoken: rank ${rank} past its lines`);
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
  return buildRankTable(readFileSync(path));
};
