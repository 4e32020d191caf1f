import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus/build-corpus.js';
import { DETECTORS, findTextSecrets } from './find-text-secrets.js';
import { linesAt, shiftOf } from './keyword-lines.js';
import { gatedRules } from './secretlint-keywords.js';
import { secretlintRanges } from './secretlint-ranges.js';

const lineAround = (text: string, start: number, end: number): string =>
  text.slice(
    text.lastIndexOf('\n', start - 1) + 1,
    Math.max(end, text.indexOf('\n', end) + 1 || text.length),
  );

describe('linesAt', () => {
  const text = ['first line', 'a key here', 'nothing', 'key and key', 'last'].join('\n');
  const at = (word: string): number[] =>
    [...text.matchAll(new RegExp(word, 'g'))].map((match) => match.index);

  it('keeps each line that holds a position once, whole and in order, joined by line breaks', () => {
    const lines = linesAt(text, [...at('key'), ...at('here')].reverse());
    expect(lines?.text).toBe('a key here\nkey and key');
    expect(lines?.origins).toEqual([11, 30]);
  });

  it('moves an offset of the lines back to the same character of the text', () => {
    const lines = linesAt(text, at('key'));
    if (lines === null) throw new Error('expected lines');
    for (const offset of [0, 6, 11, 19])
      expect(text[offset + shiftOf(lines, offset)]).toBe(lines.text[offset]);
  });

  it('adds the lines after each up to the given count of lines that are not blank', () => {
    const lines = [
      'x',
      'key =',
      '',
      '  value',
      'after',
      'then',
      'key',
      '',
      'last',
      'pad'.repeat(40),
    ].join('\n');
    const keys = [...lines.matchAll(/key/g)].map((match) => match.index);
    expect(linesAt(lines, keys.slice(0, 1), 1)?.text).toBe('key =\n\n  value');
    expect(linesAt(lines, keys.slice(0, 1), 2)?.text).toBe('key =\n\n  value\nafter');
    expect(linesAt(lines, keys, 1)?.text).toBe('key =\n\n  value\nkey\n\nlast');
  });

  it('gives up when the lines are most of the text', () => {
    expect(linesAt(text, [...at('line'), ...at('key'), ...at('nothing')])).toBeNull();
  });
});

describe('a rule that goes on past its keyword line', () => {
  const value = 'wJalrXUtnFEMIK7MDENGbPxRfiCYq9zT2mLx4Rv8';
  it.each([
    ['the operator on the next line', `aws_secret_access_key\n    = "${value}"`],
    ['the value after blank lines', `aws_secret_access_key =\n\n   \n  ${value}`],
    ['both', `export AWS_SECRET_ACCESS_KEY\n\n:\n\n"${value}"\nnext: line`],
  ])('finds an AWS secret key with %s', (_name, text) => {
    const padded = `${'unrelated line\n'.repeat(40)}${text}\n${'more text\n'.repeat(40)}`;
    const kinds = findTextSecrets(padded).map((range) => padded.slice(range.start, range.end));
    expect(kinds).toContain(value);
  });
});

describe('the keywords that gate detectors and rules line by line', () => {
  const corpus = buildCorpus();
  const texts = [...corpus.named, ...corpus.bare, ...corpus.negatives].map((sample) => sample.text);
  const holdsKeyword = (line: string, keywords: readonly string[]): boolean =>
    keywords.some((keyword) => line.toLowerCase().includes(keyword.toLowerCase()));

  it('find every match of a one-line pattern on a line that holds one of them', () => {
    const stray: string[] = [];
    for (const detector of DETECTORS.filter((entry) => entry.spansLines !== true))
      for (const text of texts)
        for (const match of text.matchAll(detector.pattern)) {
          const end = match.index + match[0].length;
          if (match[0].includes('\n')) stray.push(`${detector.kind} spans lines: ${match[0]}`);
          else if (!holdsKeyword(lineAround(text, match.index, end), detector.keywords))
            stray.push(`${detector.kind}: ${match[0]}`);
        }
    expect(stray).toEqual([]);
  });

  it("find every report of secretlint's one-line rules on a line that holds one of them", () => {
    const stray: string[] = [];
    for (const { rule, keywords, spansLines, following } of gatedRules()) {
      if (spansLines || following > 0) continue;
      for (const text of texts)
        for (const range of secretlintRanges(text, [rule]))
          if (!holdsKeyword(lineAround(text, range.start, range.end), keywords))
            stray.push(`${rule.meta.id}: ${text.slice(range.start, range.end)}`);
    }
    expect(stray).toEqual([]);
  });
});
