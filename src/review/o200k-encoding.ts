/**
 * gpt-tokenizer's o200k_base encoder, with its rank lookups answered by the compact table of
 * `o200k-rank-table.ts` instead of the Map it builds from its 200,000-string module. The split
 * of the text into pieces and the byte-pair merges are gpt-tokenizer's own code, so the counts
 * are its counts (`o200k-encoding.test.ts` checks every token and real text against it).
 */
import { BytePairEncodingCore } from 'gpt-tokenizer/BytePairEncodingCore';
import { O200KBase } from 'gpt-tokenizer/encodingParams/o200k_base';
import {
  FNV_OFFSET_BASIS,
  foldByte,
  loadO200kRankTable,
  type RankTable,
} from './o200k-rank-table.js';

export interface O200kEncoding {
  /** The token count of `text`, special-token text counted as plain text. */
  readonly countTokens: (text: string) => number;
  readonly setMergeCacheSize: (size: number) => void;
}

const NO_SPECIAL_TOKENS = new Set<string>();

/** The bytes of the last `encodeUtf8` and their FNV-1a hash. */
interface Encoded {
  bytes: Uint8Array;
  hash: number;
}

const put = (encoded: Encoded, at: number, byte: number): void => {
  encoded.bytes[at] = byte;
  encoded.hash = foldByte(encoded.hash, byte);
};

/**
 * The UTF-8 bytes of `text` from `start` to `end` into `encoded` from 0, hashed as they go; their
 * length, or -1 when the text holds half of a surrogate pair. gpt-tokenizer keys its table by
 * the strings of well-formed tokens, so such a piece is never found whole and goes through the
 * byte-pair merge instead.
 */
const encodeUtf8 = (text: string, start: number, end: number, encoded: Encoded): number => {
  if (encoded.bytes.length < (end - start) * 3) encoded.bytes = new Uint8Array((end - start) * 3);
  encoded.hash = FNV_OFFSET_BASIS;
  let at = 0;
  for (let index = start; index < end; index += 1) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      put(encoded, at++, code);
    } else if (code < 0x800) {
      put(encoded, at++, 0xc0 | (code >> 6));
      put(encoded, at++, 0x80 | (code & 0x3f));
    } else if (code < 0xd800 || code > 0xdfff) {
      put(encoded, at++, 0xe0 | (code >> 12));
      put(encoded, at++, 0x80 | ((code >> 6) & 0x3f));
      put(encoded, at++, 0x80 | (code & 0x3f));
    } else {
      const low = index + 1 < end ? text.charCodeAt(index + 1) : 0;
      if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      index += 1;
      put(encoded, at++, 0xf0 | (code >> 18));
      put(encoded, at++, 0x80 | ((code >> 12) & 0x3f));
      put(encoded, at++, 0x80 | ((code >> 6) & 0x3f));
      put(encoded, at++, 0x80 | (code & 0x3f));
    }
  }
  return at;
};

/** The encoder over `table` (the o200k_base table gpt-tokenizer ships unless told). */
export const createO200kEncoding = (table: RankTable = loadO200kRankTable()): O200kEncoding => {
  const params = O200KBase([]);
  const core = new BytePairEncodingCore({ ...params });
  const encoded: Encoded = { bytes: new Uint8Array(1_024), hash: FNV_OFFSET_BASIS };
  const rankOfRange = (text: string, start: number, end: number): number | undefined => {
    const length = encodeUtf8(text, start, end, encoded);
    return length === -1 ? undefined : table.rankOfHashed(encoded.bytes, length, encoded.hash);
  };
  // The two lookups every count goes through; own properties come before the class's methods.
  Object.assign(core, {
    getBpeRankFromString: (key: string) => rankOfRange(key, 0, key.length),
    getBpeRankFromBytes: (key: Uint8Array) => table.rankOf(key, 0, key.length),
  });
  // gpt-tokenizer's split, anchored where the last piece ended, and tested rather than matched:
  // its loop takes each piece as a match array and a string, most of what counting allocates.
  const { source, flags } = params.tokenSplitRegex;
  const merge = core as unknown as { bytePairEncode: (piece: string) => readonly number[] };
  const piece = new RegExp(source, `${flags.replace('g', '')}y`);
  const countTokens = (text: string): number => {
    let count = 0;
    piece.lastIndex = 0;
    for (let start = 0; start < text.length; start = piece.lastIndex) {
      // A character no piece starts with (gpt-tokenizer's own loop skips it), or an empty piece.
      if (!piece.test(text) || piece.lastIndex === start) {
        return core.countNative(text, NO_SPECIAL_TOKENS);
      }
      const end = piece.lastIndex;
      if (rankOfRange(text, start, end) !== undefined) count += 1;
      else count += merge.bytePairEncode(text.slice(start, end)).length;
    }
    return count;
  };
  return {
    countTokens,
    setMergeCacheSize: (size) => core.setMergeCacheSize(size),
  };
};
