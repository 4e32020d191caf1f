import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  linesOfPatchBytes,
  linesOfPatchText,
  patchLinesOf,
  stripCarriageReturn,
  type PatchLines,
} from './patch-lines.js';

/** The lines as a split of the whole text gives them: on `\n`, without a last empty one. */
const splitText = (text: string): string[] => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** Every way PatchLines reads each line. */
const read = (lines: PatchLines) =>
  Array.from({ length: lines.length }, (_, index) => {
    const line = lines.at(index) ?? '';
    return {
      line,
      first: lines.firstCode(index),
      rest: lines.rest(index),
      expected: { first: line === '' ? -1 : line.charCodeAt(0), rest: line.slice(1) },
    };
  });

const expectSameLines = (lines: PatchLines, expected: readonly string[]): void => {
  const seen = read(lines);
  expect(seen.map((entry) => entry.line)).toEqual(expected);
  for (const entry of seen) {
    // rest drops one character, so it is only compared where that character is ASCII, as it
    // is on every line the parser reads content from (+, -, space, an empty line).
    if (entry.line === '') expect(entry.first).toBe(-1);
    else if (entry.expected.first < 0x80) expect(entry.first).toBe(entry.expected.first);
    else expect(entry.first).toBeGreaterThan(0x7f);
    if (entry.expected.first < 0x80) expect(entry.rest).toBe(entry.expected.rest);
  }
  expect(lines.at(lines.length)).toBeUndefined();
  expect(lines.at(-1)).toBeUndefined();
};

describe('linesOfPatchText', () => {
  it.each([
    ['an empty text', ''],
    ['one line without a newline', 'a'],
    ['one line with a newline', 'a\n'],
    ['an empty line', '\n'],
    ['empty lines at the end', 'a\n\n\n'],
    ['CRLF lines, whose \\r stays', 'a\r\n\r\nb\r\n'],
    ['a byte-order mark, which is dropped', '\ufeff+x\n-y\n'],
  ])('gives the lines of a split for %s', (_name, text) => {
    expectSameLines(linesOfPatchText(text), splitText(text));
  });

  it('gives the lines of a split for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '+', '-', ' ', '\n', '\r', 'é', '😀') }),
        (text) => {
          expectSameLines(linesOfPatchText(text), splitText(text));
        },
      ),
    );
  });
});

describe('linesOfPatchBytes', () => {
  it('gives the lines of the UTF-8 text, with invalid sequences replaced alike and a byte-order mark dropped', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('+café\n- naïve 😀\n'),
      Buffer.from([0x2b, 0xff, 0xfe, 0x0a, 0x20, 0xc3]),
      Buffer.from('\n\nascii only\n'),
    ]);
    expectSameLines(linesOfPatchBytes(bytes), splitText(bytes.toString('utf8')));
  });

  it('gives the lines of the UTF-8 text of any bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.string({ unit: 'grapheme' })),
        (noise, words) => {
          const bytes = Buffer.concat([Buffer.from(noise), Buffer.from(words.join('\n+'))]);
          expectSameLines(linesOfPatchBytes(bytes), splitText(bytes.toString('utf8')));
        },
      ),
    );
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const whole = Buffer.from('skip\n+kept\n');
    expectSameLines(linesOfPatchBytes(whole.subarray(5)), ['+kept']);
  });
});

describe('patchLinesOf', () => {
  it('reads lines already split', () => {
    expectSameLines(patchLinesOf(['+a', '', ' b']), ['+a', '', ' b']);
  });
});

describe('stripCarriageReturn', () => {
  it('drops one trailing \\r only', () => {
    expect(stripCarriageReturn('a\r')).toBe('a');
    expect(stripCarriageReturn('a\r\r')).toBe('a\r');
    expect(stripCarriageReturn('a')).toBe('a');
  });
});
