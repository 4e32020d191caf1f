/** The lexer behind lexLine: marks each character of one line as code, literal or comment. */
import {
  COMMENT,
  LITERAL,
  REGEX_KEYWORDS,
  WHITESPACE,
  WORD_CHAR,
  type Interpolation,
  type Kind,
  type StringRule,
} from './line-lexer-rules.js';
import type { Syntax } from './line-syntax.js';
import { readLiteral } from './read-literal.js';

export class LineLexer {
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
      const literalEnd = readLiteral(this, index, regexAllowed);
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
}
