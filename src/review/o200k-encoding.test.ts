import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import o200kRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import * as gptTokenizer from 'gpt-tokenizer/encoding/o200k_base';
import { Tiktoken } from 'js-tiktoken/lite';
import jsTiktokenRanks from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { createO200kEncoding } from './o200k-encoding.js';
import { buildRankTable, loadO200kRankTable } from './o200k-rank-table.js';

const table = loadO200kRankTable();
const encoding = createO200kEncoding(table);
/** gpt-tokenizer's own o200k_base, over the Map it builds from its module of ranks. */
const AS_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
const reference = (text: string): number => gptTokenizer.countTokens(text, AS_TEXT);
/**
 * js-tiktoken's count, a port of OpenAI's tiktoken. Where gpt-tokenizer differs from it, the
 * encoder follows tiktoken: gpt-tokenizer splits a byte-order mark (U+FEFF, one token) in two.
 */
const tiktoken = new Tiktoken(jsTiktokenRanks);
const tiktokenCount = (text: string): number => tiktoken.encode(text, [], []).length;

const ROOT = new URL('../..', import.meta.url).pathname;

/** Every text file of the repository under `folder`, recursively. */
const textFiles = (folder: string): string[] =>
  readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return textFiles(path);
    return /\.(ts|md|json|yml|js)$/.test(name) ? [path] : [];
  });

describe('the o200k_base rank table', () => {
  it("holds every token of gpt-tokenizer's ranks module, with the same bytes at the same rank", () => {
    const encoder = new TextEncoder();
    let tokens = 0;
    for (const { rank, bytes } of table.tokens()) {
      const listed = o200kRanks[rank];
      const expected =
        typeof listed === 'string' ? encoder.encode(listed) : Uint8Array.from(listed ?? []);
      if (!Buffer.from(bytes).equals(Buffer.from(expected))) {
        expect.fail(
          `rank ${rank}: ${Buffer.from(bytes).toString('hex')} is not ${Buffer.from(expected).toString('hex')}`,
        );
      }
      if (table.rankOf(bytes, 0, bytes.length) !== rank)
        expect.fail(`rank ${rank} is not found by its bytes`);
      tokens += 1;
    }
    expect(tokens).toBe(o200kRanks.length);
  });

  it('finds no rank for bytes that are no token', () => {
    const bytes = Buffer.from('no token is this long a piece of text');
    expect(table.rankOf(bytes, 0, bytes.length)).toBeUndefined();
    expect(table.rankOf(bytes, 0, 0)).toBeUndefined();
  });

  it('reads ranks out of order and refuses a file that is not base64 tokens', () => {
    const small = buildRankTable(Buffer.from('Yg== 1\nYQ== 0\n'));
    expect(small.rankOf(Buffer.from('a'), 0, 1)).toBe(0);
    expect(small.rankOf(Buffer.from('b'), 0, 1)).toBe(1);
    expect(() => buildRankTable(Buffer.from('not base64! 0\n'))).toThrow(/not a token/);
  });
});

describe('createO200kEncoding', () => {
  it("counts this repository's text files as gpt-tokenizer counts them", () => {
    const files = [
      ...textFiles('src'),
      ...textFiles('docs'),
      'README.md',
      'CHANGELOG.md',
      'package-lock.json',
    ];
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (encoding.countTokens(text) !== reference(text))
        expect.fail(`${file} is counted differently`);
    }
  });

  it('counts special-token text, lone surrogates and every kind of character as tiktoken does', () => {
    const texts = [
      '',
      'hello world',
      'before <|endoftext|> after <|im_start|>',
      'x\ud800y',
      '\udc00 lone low, then a pair 𝒳 and a high at the end \ud83d',
      'дом 家 مرحبا 👩‍💻 e\u0301 \r\n\t  \u00a0',
    ];
    for (const text of texts)
      expect(encoding.countTokens(text), JSON.stringify(text)).toBe(reference(text));
    for (const text of ['\uFEFF', 'a\uFEFFb', '\uFEFFimport x'])
      expect(encoding.countTokens(text), JSON.stringify(text)).toBe(tiktokenCount(text));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.string({ unit: 'grapheme' }),
            fc.string({
              unit: fc
                .integer({ min: 0xd7f0, max: 0xe010 })
                .map((code) => String.fromCharCode(code)),
            }),
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const text = parts.join(' ');
          expect(encoding.countTokens(text)).toBe(tiktokenCount(text));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
