/**
 * Whether a value that has a secret's shape is a placeholder rather than a credential: an example
 * from documentation, `xxxx`, a run of one character, a counting sequence, a template, or a word
 * that says so (`EXAMPLE`, `your_token`, `dummy`). Checked on what every detector finds, so that a
 * vendor prefix followed by filler is left readable like any other placeholder.
 */
const FILLER = /x{4}|X{4}|\*{3}|\.{3}|…|#{4}|(.)\1{7}|(.{2,4})\2{3}|(.{5})\3{2}/;

/** Six characters counting up (`abcdef`, `123456`, `mnopqr`): typed by a person, not drawn. */
const hasCountingRun = (value: string): boolean => {
  let run = 1;
  for (let index = 1; index < value.length; index += 1) {
    run = value.charCodeAt(index) === value.charCodeAt(index - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
};
const WORDS =
  /example|placeholder|your[_-]?(?:own|real|api|secret|token|key|pass|app|access|client)|change[_-]?me|dummy|sample|redacted|replace[_-]?(?:me|with|this)|insert[_-]?(?:your|here)|fake[_-]?(?:key|token|secret|pass)|not[_-]?a[_-]?(?:real|secret)|do[_-]?not[_-]?use|here$|string$/i;
const TEMPLATE = /\$\{|\{\{|%\(|^\$[A-Za-z_{(]|^%[A-Za-z_]+%$|^<[^>]*>$|^\[[A-Za-z _-]*\]$/;

/**
 * Published examples that would otherwise pass as real: the documentation keys of AWS, and the
 * signature of the JSON Web Token shown on jwt.io.
 */
const DOCUMENTED = ['IOSFODNN7', 'K7MDENG/bPxRfiCY', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'];

/** A run of `A` is base64 of zero bytes, part of some real tokens (Dropbox, Twitter): not filler. */
const withoutZeroRuns = (value: string): string => value.replace(/A{8,}/g, 'A');

/** Eight of one character once separators are dropped: `000000-000_000`. */
const SEPARATED_RUN = /(.)\1{7}/;
const withoutSeparators = (value: string): string => value.replace(/[-_.]/g, '');

export const isPlaceholder = (value: string): boolean =>
  FILLER.test(withoutZeroRuns(value)) ||
  SEPARATED_RUN.test(withoutZeroRuns(withoutSeparators(value))) ||
  hasCountingRun(value) ||
  WORDS.test(value) ||
  TEMPLATE.test(value) ||
  DOCUMENTED.some((example) => value.includes(example));
