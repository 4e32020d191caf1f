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
import { CODE, COMMENT, WHITESPACE } from './line-lexer-rules.js';
import { LineLexer } from './line-lexer.js';
import type { Syntax } from './line-syntax.js';

export { syntaxOf, type Syntax } from './line-syntax.js';

export interface LexedLine {
  /** The line with every literal (delimiters included) and comment replaced by spaces. */
  readonly code: string;
  /** The line with only its comments replaced by spaces: literals kept. */
  readonly uncommented: string;
}

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
