/**
 * Which characters of one added line are code, and which are string literals, template literal
 * text, regular expression literals or comments, so that a risky pattern is reported for a
 * call and not for a message, a test fixture or a detector's own table of patterns.
 *
 * Why a small lexer written here rather than a library: the signal sees added lines, not
 * whole files, and needs, per line and by column, the literals of several language families;
 * a wrong guess must cost little (at worst a line reads as it did without this file). js-tokens
 * reads JavaScript only; strip-comments keeps strings; syntax highlighters (Prism,
 * highlight.js) and tree-sitter grammars read whole files, weigh far more than this file and
 * would become a run-time dependency of the app for one regular expression's worth of work.
 *
 * What one line cannot tell: a line inside a string, template or block comment that began on an
 * earlier line reads as code. A string or regular expression left open at the end of the line
 * runs to its end.
 */

/** How a file's lines are read; `plain` (YAML, shell, Dockerfile, markup, unknown) is all code. */
export type Syntax = 'javascript' | 'python' | 'go' | 'jvm' | 'ruby' | 'php' | 'c' | 'plain';

const SYNTAX_BY_EXTENSION: ReadonlyMap<string, Syntax> = new Map(
  (
    [
      // Vue and Svelte stay plain: their markup holds code in quoted attributes (@click="...").
      ['javascript', 'js jsx mjs cjs ts tsx mts cts'],
      ['python', 'py pyw pyi'],
      ['go', 'go'],
      ['jvm', 'java kt kts scala groovy gradle'],
      ['ruby', 'rb rake gemspec'],
      ['php', 'php'],
      ['c', 'c h cc cpp cxx hh hpp hxx m mm cs rs swift'],
    ] as const
  ).flatMap(([syntax, extensions]) =>
    extensions.split(' ').map((extension): [string, Syntax] => [extension, syntax]),
  ),
);

/** The syntax a path's lines are read with, by its extension. */
export const syntaxOf = (path: string): Syntax => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
  return SYNTAX_BY_EXTENSION.get(extension) ?? 'plain';
};

export interface LexedLine {
  /** The line with every literal (delimiters included) and comment replaced by spaces. */
  readonly code: string;
  /** The line with only its comments replaced by spaces: literals kept. */
  readonly uncommented: string;
}

const CODE = 0;
const LITERAL = 1;
const COMMENT = 2;
type Kind = typeof CODE | typeof LITERAL | typeof COMMENT;

/** What opens an interpolation inside a string, whose inside is code again. */
type Interpolation =
  | 'dollar-brace' // `${x}`: JavaScript templates
  | 'brace' // {x}, with {{ as a literal brace: Python f-strings
  | 'hash-brace' // #{x}: Ruby
  | 'dollar'; // $x, ${x} and {$x}: PHP, Kotlin, Groovy

interface StringRule {
  /** The closing delimiter. */
  readonly close: string;
  /** Whether a backslash escapes the next character. */
  readonly escapes: boolean;
  readonly interpolation: Interpolation | null;
}

/** Where a word may be followed by a regular expression literal rather than a division. */
const REGEX_KEYWORDS = new Set(
  (
    'return typeof instanceof in of new delete void throw case do else yield await ' +
    'if elsif unless while until when and or not then'
  ).split(' '),
);

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
const WHITESPACE = /\s/;
/** A Python string prefix (r, b, u, f, t and their pairs) and its opening quote. */
const PYTHON_STRING_START = /(?:[rRbBuUfFtT]{1,2})?(?:'''|"""|'|")/y;
/** A C-family character literal: 'a', '\n', '\x41', '\u{1F600}'. Otherwise ' is a Rust lifetime. */
const CHAR_LITERAL = /'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|[0-7]{1,3}|.)|[^'\\])'/y;

class LineLexer {
  readonly text: string;
  readonly syntax: Syntax;
  /** CODE, LITERAL or COMMENT per character; everything is code until marked. */
  readonly kinds: Uint8Array;

  constructor(text: string, syntax: Syntax) {
    this.text = text;
    this.syntax = syntax;
    this.kinds = new Uint8Array(text.length);
  }

  mark(from: number, to: number, kind: Kind): void {
    if (to > from) this.kinds.fill(kind, from, to);
  }

  /**
   * Reads code from `start` to the end of the line or, inside an interpolation, to just after
   * the `}` that closes it. Returns where it stopped.
   */
  code(start: number, interpolated: boolean): number {
    const { text } = this;
    let depth = 0;
    let regexAllowed = true;
    let index = start;
    while (index < text.length) {
      const char = text.charAt(index);
      if (WHITESPACE.test(char)) {
        index += 1;
        continue;
      }
      const commentEnd = this.comment(index);
      if (commentEnd !== null) {
        this.mark(index, commentEnd, COMMENT);
        index = commentEnd;
        continue;
      }
      const literalEnd = this.literal(index, regexAllowed);
      if (literalEnd !== null) {
        index = literalEnd;
        regexAllowed = false;
        continue;
      }
      if (WORD_CHAR.test(char)) {
        let end = index + 1;
        while (end < text.length && WORD_CHAR.test(text.charAt(end))) end += 1;
        regexAllowed = REGEX_KEYWORDS.has(text.slice(index, end));
        index = end;
        continue;
      }
      if (char === '{') depth += 1;
      else if (char === '}') {
        if (depth === 0 && interpolated) return index + 1;
        depth = Math.max(0, depth - 1);
      }
      regexAllowed = char !== ')' && char !== ']';
      index += 1;
    }
    return index;
  }

  /** The end of a comment that starts at `index`, or null. */
  comment(index: number): number | null {
    const { text, syntax } = this;
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (syntax === 'python' || syntax === 'ruby' || (syntax === 'php' && next !== '[')) {
      if (char === '#') return text.length;
    }
    if (syntax === 'python' || syntax === 'ruby' || syntax === 'plain') return null;
    if (char !== '/') return null;
    if (next === '/') return text.length;
    if (next !== '*') return null;
    const close = text.indexOf('*/', index + 2);
    return close < 0 ? text.length : close + 2;
  }

  /** Reads a string, template or regular expression literal at `index`; its end, or null. */
  literal(index: number, regexAllowed: boolean): number | null {
    const { text } = this;
    const char = text.charAt(index);
    switch (this.syntax) {
      case 'javascript':
        if (char === "'" || char === '"') return this.string(index, index + 1, plain(char));
        if (char === '`') {
          return this.string(index, index + 1, {
            close: '`',
            escapes: true,
            interpolation: 'dollar-brace',
          });
        }
        return char === '/' && regexAllowed ? this.regex(index) : null;
      case 'python': {
        PYTHON_STRING_START.lastIndex = index;
        const start = PYTHON_STRING_START.exec(text)?.[0];
        if (start === undefined) return null;
        const quote = start.replace(/^[a-zA-Z]+/, '');
        const prefix = start.slice(0, start.length - quote.length).toLowerCase();
        return this.string(index, index + start.length, {
          close: quote,
          escapes: true,
          interpolation: prefix.includes('f') || prefix.includes('t') ? 'brace' : null,
        });
      }
      case 'go':
        if (char === '"' || char === "'") return this.string(index, index + 1, plain(char));
        if (char === '`') {
          return this.string(index, index + 1, { close: '`', escapes: false, interpolation: null });
        }
        return null;
      case 'jvm':
        if (text.startsWith('"""', index)) {
          return this.string(index, index + 3, {
            close: '"""',
            escapes: true,
            interpolation: 'dollar',
          });
        }
        if (char === '"') {
          return this.string(index, index + 1, {
            close: '"',
            escapes: true,
            interpolation: 'dollar',
          });
        }
        return char === "'" ? this.string(index, index + 1, plain(char)) : null;
      case 'ruby':
        if (char === "'") return this.string(index, index + 1, plain(char));
        if (char === '"' || char === '`') {
          return this.string(index, index + 1, {
            close: char,
            escapes: true,
            interpolation: 'hash-brace',
          });
        }
        return char === '/' && regexAllowed ? this.regex(index) : null;
      case 'php':
        if (char === "'") return this.string(index, index + 1, plain(char));
        if (char === '"') {
          return this.string(index, index + 1, {
            close: '"',
            escapes: true,
            interpolation: 'dollar',
          });
        }
        return null;
      case 'c':
        if (char === '"') return this.string(index, index + 1, plain(char));
        if (char === '@' && text.charAt(index + 1) === '"') {
          return this.string(index, index + 2, { close: '"', escapes: false, interpolation: null });
        }
        if (char === "'") {
          CHAR_LITERAL.lastIndex = index;
          if (!CHAR_LITERAL.test(text)) return null;
          this.mark(index, CHAR_LITERAL.lastIndex, LITERAL);
          return CHAR_LITERAL.lastIndex;
        }
        return null;
      case 'plain':
        return null;
    }
  }

  /**
   * Marks a string from `start` (its prefix and opening delimiter end at `contentStart`) to its
   * closing delimiter or the end of the line; interpolations inside stay code. Returns its end.
   */
  string(start: number, contentStart: number, rule: StringRule): number {
    const { text } = this;
    let segment = start;
    let index = contentStart;
    while (index < text.length) {
      const char = text.charAt(index);
      if (rule.escapes && char === '\\') {
        index += 2;
        continue;
      }
      if (
        rule.interpolation === 'brace' &&
        (char === '{' || char === '}') &&
        text.charAt(index + 1) === char
      ) {
        // {{ and }} are literal braces in an f-string.
        index += 2;
        continue;
      }
      if (text.startsWith(rule.close, index)) {
        const end = index + rule.close.length;
        this.mark(segment, end, LITERAL);
        return end;
      }
      const opener = this.interpolationAt(index, rule.interpolation);
      if (opener === 0) {
        index += 1;
        continue;
      }
      this.mark(segment, index, LITERAL);
      if (opener < 0) {
        // $name: the name is code, the string goes on after it.
        index += 1;
        while (index < text.length && /[\w]/.test(text.charAt(index))) index += 1;
      } else {
        index = this.code(index + opener, true);
      }
      segment = index;
    }
    this.mark(segment, text.length, LITERAL);
    return text.length;
  }

  /**
   * At `index` inside a string: the length of an interpolation opener whose inside is code up
   * to a closing brace, -1 for a `$name` that is code by itself, or 0 for a literal character.
   */
  interpolationAt(index: number, interpolation: Interpolation | null): number {
    const { text } = this;
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    switch (interpolation) {
      case 'dollar-brace':
        return char === '$' && next === '{' ? 2 : 0;
      case 'hash-brace':
        return char === '#' && next === '{' ? 2 : 0;
      case 'brace':
        return char === '{' ? 1 : 0;
      case 'dollar':
        if (char === '$' && next === '{') return 2;
        if (char === '{' && next === '$') return 1;
        return char === '$' && /[A-Za-z_]/.test(next) ? -1 : 0;
      case null:
        return 0;
    }
  }

  /** A regular expression literal at `index`, or null when it does not close on this line. */
  regex(index: number): number | null {
    const { text } = this;
    let inClass = false;
    for (let end = index + 1; end < text.length; end += 1) {
      const char = text.charAt(end);
      if (char === '\\') end += 1;
      else if (inClass) inClass = char !== ']';
      else if (char === '[') inClass = true;
      else if (char === '/') {
        let flagsEnd = end + 1;
        while (flagsEnd < text.length && /[a-z]/.test(text.charAt(flagsEnd))) flagsEnd += 1;
        this.mark(index, flagsEnd, LITERAL);
        return flagsEnd;
      }
    }
    return null;
  }
}

const plain = (quote: string): StringRule => ({ close: quote, escapes: true, interpolation: null });

/** The text with each character whose kind is not kept replaced by a space. */
const blank = (text: string, kinds: Uint8Array, keep: (kind: number) => boolean): string => {
  let result = '';
  let from = 0;
  for (let index = 0; index < kinds.length; index += 1) {
    if (keep(kinds[index] ?? CODE)) continue;
    result += `${text.slice(from, index)} `;
    from = index + 1;
  }
  return result + text.slice(from);
};

/** Reads one line of the given syntax: its code alone, and its code with its literals. */
export const lexLine = (text: string, syntax: Syntax): LexedLine => {
  if (syntax === 'plain') return { code: text, uncommented: text };
  const lexer = new LineLexer(text, syntax);
  lexer.code(0, false);
  const { kinds } = lexer;
  if (kinds.every((kind) => kind === CODE)) return { code: text, uncommented: text };
  return {
    code: blank(text, kinds, (kind) => kind === CODE),
    uncommented: blank(text, kinds, (kind) => kind !== COMMENT),
  };
};

/** Whether `code` (a LexedLine's) has a character of code, not a space, in [from, to). */
export const hasCodeBetween = (code: string, from: number, to: number): boolean => {
  for (let index = from; index < to; index += 1) {
    if (!WHITESPACE.test(code.charAt(index))) return true;
  }
  return false;
};
