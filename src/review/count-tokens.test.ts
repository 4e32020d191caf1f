import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, countTokensUpTo, rememberCounts } from './count-tokens.js';

const reference = new Tiktoken(o200kBase);
const exact = (text: string): number => reference.encode(text, [], []).length;
/** Texts with a run that countTokens counts in slices, where a single encode may differ. */
const LONG_RUN_ANYWHERE = /[\p{L}\p{M}]{48,}|\s{48,}|[^\s\p{L}\p{M}\p{N}]{48,}/u;

const source = `import { createHash } from 'node:crypto';

export const digest = (value: string): string =>
  createHash('sha256').update(value).digest('hex'); // 64 hex characters

for (let index = 0; index < 10; index += 1) {
  console.log(\`line \${index}: \${digest(String(index))}\`);
}
`;

describe('countTokens', () => {
  it('counts with the o200k_base encoding', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
  });

  it('counts ordinary source code exactly as a single encode would', () => {
    expect(countTokens(source)).toBe(exact(source));
    expect(countTokens(source.repeat(50))).toBe(exact(source.repeat(50)));
  });

  it('keeps every text its own count when counts are remembered', () => {
    const long = source.repeat(5);
    const longer = `${long}const extra = digest('one more line');\n`;

    expect(countTokens(long)).toBe(exact(long));
    expect(countTokens(longer)).toBe(exact(longer));
    // Asked again (now from memory), each still gets its own count.
    expect(countTokens(long)).toBe(exact(long));
    expect(countTokens(longer)).toBe(exact(longer));
    expect(countTokens(longer)).toBeGreaterThan(countTokens(long));
  });

  it('gives the same counts with remembering turned off', () => {
    const long = `${source.repeat(6)}// not counted before\n`;
    rememberCounts(false);
    try {
      expect(countTokens(long)).toBe(exact(long));
      expect(countTokens(long)).toBe(exact(long));
    } finally {
      rememberCounts(true);
    }
  });

  it('counts special-token text as plain text instead of throwing', () => {
    const text = 'before <|endoftext|> after <|im_start|>';

    expect(countTokens(text)).toBe(exact(text));
    expect(countTokens(text)).toBeGreaterThan(5);
  });

  it('counts a long run of one letter close to the exact count', () => {
    const count = countTokens('a'.repeat(100_000));

    // o200k_base encodes runs of `a` as 8 characters a token.
    expect(count).toBe(12_500);
  });

  it('counts long runs of whitespace, punctuation and non-Latin letters without cutting a character', () => {
    const text = `${' '.repeat(5_000)}x${'='.repeat(5_000)}${'𝒳'.repeat(3_000)}${'дом'.repeat(2_000)}`;
    const count = countTokens(text);

    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(text.length);
  });
});

describe('countTokensUpTo', () => {
  it('gives the full count when it is within the limit', () => {
    const text = source.repeat(200);

    expect(countTokensUpTo(text, 1_000_000)).toBe(exact(text));
  });

  it('gives the exact count whenever it fits, and a number above the limit whenever it does not', () => {
    const text = source.repeat(40);
    const count = exact(text);

    for (const limit of [count, count + 1, count * 2])
      expect(countTokensUpTo(text, limit)).toBe(count);
    for (const limit of [0, 1, 10, 100, Math.floor(count / 2), count - 1]) {
      expect(countTokensUpTo(text, limit)).toBeGreaterThan(limit);
    }
  });

  it('rejects a text with more lines than the limit without counting past them', () => {
    const lines = Array.from({ length: 5_000 }, (_, index) => `R ${index} + const a${index} = 1;`);
    const count = countTokensUpTo(lines.join('\n'), 100);

    // Each line starts with a letter, so the 101st line settles it before any encoding.
    expect(count).toBe(101);
  });

  it('stops counting a huge text soon after the limit is passed', () => {
    const huge = source.repeat(100_000);
    const count = countTokensUpTo(huge, 500);

    expect(count).toBeGreaterThan(500);
    expect(count).toBeLessThan(5_000);
  });
});

describe('countTokens against a second implementation of o200k_base', () => {
  it("gives js-tiktoken's count for any text without long runs", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(countTokens(text)).toBe(exact(text));
      }),
      { numRuns: 500 },
    );
  });

  it("gives js-tiktoken's count for this repository's own source files", () => {
    const folder = new URL('.', import.meta.url);
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts'))) {
      const text = readFileSync(new URL(name, folder), 'utf8');
      if (LONG_RUN_ANYWHERE.test(text)) continue;
      expect(countTokens(text), name).toBe(exact(text));
    }
  });
});

describe('countTokens around runs of 47 to 49 characters of one class', () => {
  /** The count as the split at every long run, and each in slices of 32 code units, make it. */
  const splitCount = (text: string): number =>
    text.split(new RegExp(`(${LONG_RUN_ANYWHERE.source})`, 'u')).reduce((total, part, index) => {
      if (index % 2 === 0) return total + exact(part);
      let sum = 0;
      for (let start = 0; start < part.length;) {
        let end = Math.min(start + 32, part.length);
        if (end < part.length && /[\ud800-\udbff]/.test(part.charAt(end - 1))) end += 1;
        sum += exact(part.slice(start, end));
        start = end;
      }
      return total + sum;
    }, 0);

  it('counts a text as the split at its long runs does, whatever borders them', () => {
    const runs = ['a', ' ', '\t', '-', 'é', '\u00a0', 'д', '\u0301', '1'];
    const borders = ['', 'x', ' ', '.', '7', 'ü', '\u3000', '😀'];
    fc.assert(
      fc.property(
        fc.constantFrom(...runs),
        fc.integer({ min: 46, max: 50 }),
        fc.constantFrom(...borders),
        fc.constantFrom(...borders),
        fc.integer({ min: 0, max: 100 }),
        (char, length, before, after, offset) => {
          const text = `${'ab c'.repeat(offset).slice(0, offset)}${before}${char.repeat(length)}${after} tail`;
          expect(countTokens(text)).toBe(splitCount(text));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
