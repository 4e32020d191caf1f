/**
 * Whether a value that has a secret's shape is a placeholder rather than a credential: an example
 * from documentation, `xxxx`, a run of one character, a counting sequence, a template, or a word
 * that says so (`EXAMPLE`, `your_token`, `dummy`). Checked on what every detector finds, so that a
 * vendor prefix followed by filler is left readable like any other placeholder.
 */
const FILLER = /x{4}|X{4}|\*{3}|\.{3}|…|#{4}/;

const isLineBreak = (code: number): boolean =>
  code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * A chunk repeated, as period and length: one character 8 times, a chunk of 2 to 4 characters
 * 4 times (`ab12ab12ab12ab12`), of 5 characters 3 times (`-1234-1234-1234`).
 */
const REPEATS: readonly (readonly [number, number])[] = [
  [1, 8],
  [2, 8],
  [3, 12],
  [4, 16],
  [5, 15],
];

/**
 * Whether `value` holds one of `REPEATS` without a line break in it: what
 * `/(.)\1{7}|(.{2,4})\2{3}|(.{5})\3{2}/` finds, in one comparison per character and period
 * instead of a capture tried at every position.
 */
export const hasRepeatedChunk = (value: string): boolean => {
  for (const [period, length] of REPEATS) {
    let matched = 0;
    for (let index = 0; index + period < value.length; index += 1) {
      const code = value.charCodeAt(index);
      if (code !== value.charCodeAt(index + period) || isLineBreak(code)) matched = 0;
      else if ((matched += 1) >= length - period) return true;
    }
  }
  return false;
};

/** Separators that may split a run of filler: `000000-000_000`. */
const isSeparator = (code: number): boolean => code === 45 || code === 95 || code === 46; // - _ .

/**
 * Eight of one character once separators are dropped, `A` aside (a run of `A` is base64 of zero
 * bytes, see below).
 */
const hasSeparatedRun = (value: string): boolean => {
  let last = -1;
  let run = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (isSeparator(code)) continue;
    run = code === last ? run + 1 : 1;
    last = code;
    if (run >= 8 && code !== 65 && !isLineBreak(code)) return true;
  }
  return false;
};

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

export const isPlaceholder = (value: string): boolean =>
  FILLER.test(value) ||
  hasRepeatedChunk(withoutZeroRuns(value)) ||
  hasSeparatedRun(value) ||
  hasCountingRun(value) ||
  WORDS.test(value) ||
  TEMPLATE.test(value) ||
  DOCUMENTED.some((example) => value.includes(example));
