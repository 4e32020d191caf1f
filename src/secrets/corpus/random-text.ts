/**
 * Seeded random text for the corpus: the same samples on every run, no committed secret-shaped
 * string (every token is built here from a prefix and random characters).
 */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const BASE64 = `${ALNUM}+/`;
export const URL_SAFE = `${ALNUM}_-`;
export const DIGITS = '0123456789';
export const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

export interface Random {
  /** `length` characters drawn from `alphabet`. */
  readonly text: (alphabet: string, length: number) => string;
  /** A whole number from `min` to `max` inclusive. */
  readonly between: (min: number, max: number) => number;
}

/** A small linear congruential generator: enough to spread characters, nothing more. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state >>> 8;
  };
  return {
    text: (alphabet, length) => {
      let out = '';
      while (out.length < length) out += alphabet[next() % alphabet.length];
      return out;
    },
    between: (min, max) => min + (next() % (max - min + 1)),
  };
};
