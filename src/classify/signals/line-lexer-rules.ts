/** The lexer's vocabulary: what a character is, how strings close and interpolate, and the tokens it looks for. */
export const CODE = 0;
export const LITERAL = 1;
export const COMMENT = 2;
export type Kind = typeof CODE | typeof LITERAL | typeof COMMENT;

/** What opens an interpolation inside a string, whose inside is code again. */
export type Interpolation =
  | 'dollar-brace' // `${x}`: JavaScript templates
  | 'brace' // {x}, with {{ as a literal brace: Python f-strings
  | 'hash-brace' // #{x}: Ruby
  | 'dollar'; // $x, ${x} and {$x}: PHP, Kotlin, Groovy

export interface StringRule {
  /** The closing delimiter. */
  readonly close: string;
  /** Whether a backslash escapes the next character. */
  readonly escapes: boolean;
  readonly interpolation: Interpolation | null;
}

/** Where a word may be followed by a regular expression literal rather than a division. */
export const REGEX_KEYWORDS = new Set(
  (
    'return typeof instanceof in of new delete void throw case do else yield await ' +
    'if elsif unless while until when and or not then'
  ).split(' '),
);

export const WORD_CHAR = /[\p{L}\p{N}_$]/u;
export const WHITESPACE = /\s/;
/** A Python string prefix (r, b, u, f, t and their pairs) and its opening quote. */
export const PYTHON_STRING_START = /(?:[rRbBuUfFtT]{1,2})?(?:'''|"""|'|")/y;
/** A C-family character literal: 'a', '\n', '\x41', '\u{1F600}'. Otherwise ' is a Rust lifetime. */
export const CHAR_LITERAL =
  /'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|[0-7]{1,3}|.)|[^'\\])'/y;

/** A quoted string with backslash escapes and no interpolation. */
export const plain = (quote: string): StringRule => ({
  close: quote,
  escapes: true,
  interpolation: null,
});
