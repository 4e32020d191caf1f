/**
 * Whether a value assigned to a secret-named key looks like a real credential rather than a
 * placeholder, a template, a path or a word: long enough, letters and digits, and at least
 * `MIN_ENTROPY` bits per character.
 */
import { shannonEntropy } from './shannon-entropy.js';

/** Random base64 or hex of 16+ characters sits well above this; English words and repeats below. */
export const MIN_ENTROPY = 3;
/** Random digits carry at most log2(10) = 3.32 bits each; 16 of them sit above this. */
const MIN_DIGITS_ENTROPY = 2.5;

const TEMPLATE = /\$\{|\{\{|%\(|^\$|^%|^<.*>$|process\.env|getenv|environ/i;
const PLACEHOLDER =
  /your|example|placeholder|change_?me|dummy|sample|redacted|fake|insert|replace|xxxx|\*\*\*|\.\.\.|0{6}|123456|abcdef/i;
/** A URL, or a Windows path. */
const URL_OR_DRIVE = /:\/\/|^[A-Za-z]:\\/;

/**
 * A path: rooted at `/`, `./`, `../` or `~/`, or `a/b/c`, whose parts are words: no `+` or `=`,
 * no part mixing upper case, lower case and digits, and most parts without digits. Random base64
 * has slashes too, even a leading one, but fails one of these; a value may start with `.` or `~`
 * and still be a secret.
 */
const isPath = (value: string): boolean => {
  const parts = value.split('/').filter((part) => part !== '');
  const rooted = /^(?:\.{0,2}|~)\//.test(value);
  return (
    (rooted || parts.length >= 3) &&
    !/[+=]/.test(value) &&
    parts.every((part) => !(/[A-Z]/.test(part) && /[a-z]/.test(part) && /[0-9]/.test(part))) &&
    (rooted || parts.filter((part) => /[0-9]/.test(part)).length * 2 <= parts.length)
  );
};

/**
 * Letters and digits; or, without digits, both cases over 16 characters or more, or a symbol; or
 * 16 digits or more (a numeric client id or key).
 */
const mixesCharacters = (value: string): boolean => {
  const upperAndLower = /[A-Z]/.test(value) && /[a-z]/.test(value);
  if (/^[0-9]{16,}$/.test(value)) return true;
  if (/[0-9]/.test(value)) return /[A-Za-z]/.test(value);
  return upperAndLower && (value.length >= 16 || /[^A-Za-z]/.test(value));
};

/**
 * Words, a sentence or a piece of code (`Enter the password`, `a[0] + b`): a blank between parts
 * of which one is a plain word or shorter than 6 characters. Random printable characters can hold
 * a blank too (`A0Zr98j/3yX R~XHH!jmN]LWX/,?RT`): long parts, none a word.
 */
const readsAsText = (value: string): boolean => {
  const parts = value.split(/\s+/).filter((part) => part !== '');
  return parts.length > 1 && parts.some((part) => part.length < 6 || /^[A-Za-z]+$/.test(part));
};

export const looksRandom = (value: string, minLength: number): boolean =>
  value.length >= minLength &&
  value.trim() === value &&
  !readsAsText(value) &&
  mixesCharacters(value) &&
  !TEMPLATE.test(value) &&
  !PLACEHOLDER.test(value) &&
  !URL_OR_DRIVE.test(value) &&
  !isPath(value) &&
  shannonEntropy(value) >= (/^[0-9]+$/.test(value) ? MIN_DIGITS_ENTROPY : MIN_ENTROPY);

/** Passwords in URLs are often short; only well-known defaults and templates are let through. */
const WEAK_DEFAULTS = /^(password|passwd|pass|postgres|mysql|root|admin|secret|guest|user|test)$/i;

export const looksLikeUrlPassword = (value: string): boolean =>
  value.length >= 6 &&
  !/[<>{}[\]]/.test(value) &&
  !WEAK_DEFAULTS.test(value) &&
  !TEMPLATE.test(value) &&
  !PLACEHOLDER.test(value);
