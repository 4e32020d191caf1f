/**
 * The parts of an assignment that make a value a secret: a key whose name ends with a secret
 * word, and the operators of the languages and formats teams write (`=`, `:`, `:=`, `=>`, Make's
 * `?=` `::=` `:::=`, PHP's `.=`, `||=`, `??=`, comparisons). Repetitions are bounded so that a
 * match attempt at each position stays short on huge lines.
 */

/** The words a secret-named key ends with, and the suffixes that may follow them. */
const SECRET_WORD =
  '(?:passwords?|passwd|pwd|pass|passphrase|secrets?|(?<!csrf[_.-]?|xsrf[_.-]?|authenticity[_.-]?|public[_.-]?|page[_.-]?|next[_.-]?|continuation[_.-]?|cursor[_.-]?|sync[_.-]?|json[_.-]?web)tokens?|api[_.-]?keys?|apikeys?|private[_.-]?key|client[_.-]?secret|auth|access[_.-]?key|secret[_.-]?key|credentials?|creds|signing[_.-]?key|encryption[_.-]?key|session[_.-]?key|master[_.-]?key|license[_.-]?key|webhook[_.-]?url|dsn)';
const NAME_SUFFIX =
  '(?:[_.-]?(?:value|str|string|b64|base64|hex|raw|prod|live|test|dev|[0-9]{1,3}))?';

/**
 * The end of a key name: a secret word and its suffix (matched case-insensitively). Whatever
 * precedes it is part of the name (`dbPassword`, `STRIPE_TOKEN`), so a pattern starts here: a
 * pattern that began with the whole name would retry at every position of a large text.
 */
export const SECRET_NAME_END = `${SECRET_WORD}${NAME_SUFFIX}`;

/** A whole key name ending with a secret word, for patterns that start at a literal (`<`, `"`). */
export const SECRET_NAME = `[A-Za-z0-9_.-]{0,64}?${SECRET_NAME_END}`;

/** A type between a name and its operator: Go's `var x string =`, `x: str =`, `val x: String =`. */
const TYPE = `(?:[ \\t]{1,4}(?:string|String|str|&str|&'static str|char\\*|const char\\*)|[ \\t]{0,4}:[ \\t]{0,4}[A-Za-z][A-Za-z0-9_.<>?]{0,30})?`;

/** The operator, with an optional closing quote or bracket on the key and blanks around it. */
export const ASSIGN = `["'\`]?\\]?${TYPE}[ \\t]{0,8}(?:=>|:{1,3}=|[?.+]=|\\|\\|=|\\?\\?=|[!=]==?|=|:|<-)[ \\t]{0,8}`;

/** Words a secret detector looks for first: a text without any of them skips the detector. */
export const SECRET_KEYWORDS = [
  'pass',
  'pwd',
  'secret',
  'token',
  'key',
  'auth',
  'cred',
  'dsn',
  'webhook',
] as const;
