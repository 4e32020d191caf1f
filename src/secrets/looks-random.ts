/**
 * Whether a value assigned to a secret-named key looks like a real credential rather than a
 * placeholder, a template, a path or a word: long enough, letters and digits, and at least
 * `MIN_ENTROPY` bits per character.
 */
import { shannonEntropy } from './shannon-entropy.js';

/** Random base64 or hex of 16+ characters sits well above this; English words and repeats below. */
export const MIN_ENTROPY = 3;

const TEMPLATE = /\$\{|\{\{|%\(|^\$|^%|^<.*>$|process\.env|getenv|environ/i;
const PLACEHOLDER =
  /your|example|placeholder|change_?me|dummy|sample|redacted|fake|insert|replace|xxxx|\*\*\*|\.\.\.|0{6}|123456|abcdef/i;
/** A URL, or a path rooted at `/`, `./`, `../`, `~/` (a value may start with `.` or `~`). */
const PATH_OR_URL = /:\/\/|^\.{0,2}\/|^~\/|^[A-Za-z]:\\/;

/**
 * `a/b/c` whose parts are words (no part mixes upper case, lower case and digits): a path. Random
 * base64 has slashes too, but its parts mix all three.
 */
const isRelativePath = (value: string): boolean => {
  const parts = value.split('/');
  return (
    parts.length >= 3 &&
    parts.every((part) => !(/[A-Z]/.test(part) && /[a-z]/.test(part) && /[0-9]/.test(part)))
  );
};

export const looksRandom = (value: string, minLength: number): boolean =>
  value.length >= minLength &&
  !/\s/.test(value) &&
  /[A-Za-z]/.test(value) &&
  /[0-9]/.test(value) &&
  !TEMPLATE.test(value) &&
  !PLACEHOLDER.test(value) &&
  !PATH_OR_URL.test(value) &&
  !isRelativePath(value) &&
  shannonEntropy(value) >= MIN_ENTROPY;

/** Passwords in URLs are often short; only well-known defaults and templates are let through. */
const WEAK_DEFAULTS = /^(password|passwd|pass|postgres|mysql|root|admin|secret|guest|user|test)$/i;

export const looksLikeUrlPassword = (value: string): boolean =>
  value.length >= 6 &&
  !WEAK_DEFAULTS.test(value) &&
  !TEMPLATE.test(value) &&
  !PLACEHOLDER.test(value);
