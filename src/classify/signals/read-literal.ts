/** The literal readers of each language family, for the line lexer. */
import { CHAR_LITERAL, LITERAL, plain, PYTHON_STRING_START } from './line-lexer-rules.js';
import type { LineLexer } from './line-lexer.js';

/** Reads a string, template or regular expression literal at `index`; its end, or null. */
export const readLiteral = (
  lexer: LineLexer,
  index: number,
  regexAllowed: boolean,
): number | null => {
  const { text } = lexer;
  const char = text.charAt(index);
  switch (lexer.syntax) {
    case 'javascript':
      if (char === "'" || char === '"') return lexer.string(index, index + 1, plain(char));
      if (char === '`') {
        return lexer.string(index, index + 1, {
          close: '`',
          escapes: true,
          interpolation: 'dollar-brace',
        });
      }
      return char === '/' && regexAllowed ? readRegex(lexer, index) : null;
    case 'python': {
      PYTHON_STRING_START.lastIndex = index;
      const start = PYTHON_STRING_START.exec(text)?.[0];
      if (start === undefined) return null;
      const quote = start.replace(/^[a-zA-Z]+/, '');
      const prefix = start.slice(0, start.length - quote.length).toLowerCase();
      return lexer.string(index, index + start.length, {
        close: quote,
        escapes: true,
        interpolation: prefix.includes('f') || prefix.includes('t') ? 'brace' : null,
      });
    }
    case 'go':
      if (char === '"' || char === "'") return lexer.string(index, index + 1, plain(char));
      if (char === '`') {
        return lexer.string(index, index + 1, { close: '`', escapes: false, interpolation: null });
      }
      return null;
    case 'jvm':
      if (text.startsWith('"""', index)) {
        return lexer.string(index, index + 3, {
          close: '"""',
          escapes: true,
          interpolation: 'dollar',
        });
      }
      if (char === '"') {
        return lexer.string(index, index + 1, {
          close: '"',
          escapes: true,
          interpolation: 'dollar',
        });
      }
      return char === "'" ? lexer.string(index, index + 1, plain(char)) : null;
    case 'ruby':
      if (char === "'") return lexer.string(index, index + 1, plain(char));
      if (char === '"' || char === '`') {
        return lexer.string(index, index + 1, {
          close: char,
          escapes: true,
          interpolation: 'hash-brace',
        });
      }
      return char === '/' && regexAllowed ? readRegex(lexer, index) : null;
    case 'php':
      if (char === "'") return lexer.string(index, index + 1, plain(char));
      if (char === '"') {
        return lexer.string(index, index + 1, {
          close: '"',
          escapes: true,
          interpolation: 'dollar',
        });
      }
      return null;
    case 'c':
      if (char === '"') return lexer.string(index, index + 1, plain(char));
      if (char === '@' && text.charAt(index + 1) === '"') {
        return lexer.string(index, index + 2, { close: '"', escapes: false, interpolation: null });
      }
      if (char === "'") {
        CHAR_LITERAL.lastIndex = index;
        if (!CHAR_LITERAL.test(text)) return null;
        lexer.mark(index, CHAR_LITERAL.lastIndex, LITERAL);
        return CHAR_LITERAL.lastIndex;
      }
      return null;
    case 'plain':
      return null;
  }
};

/** A regular expression literal at `index`, or null when it does not close on this line. */
const readRegex = (lexer: LineLexer, index: number): number | null => {
  const { text } = lexer;
  let inClass = false;
  for (let end = index + 1; end < text.length; end += 1) {
    const char = text.charAt(end);
    if (char === '\\') end += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '/') {
      let flagsEnd = end + 1;
      while (flagsEnd < text.length && /[a-z]/.test(text.charAt(flagsEnd))) flagsEnd += 1;
      lexer.mark(index, flagsEnd, LITERAL);
      return flagsEnd;
    }
  }
  return null;
};
