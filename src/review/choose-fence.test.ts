import { describe, expect, it } from 'vitest';
import { chooseFence, fenceData, quoteInline } from './choose-fence.js';

describe('chooseFence', () => {
  it('derives the same 16-hex-digit fence from the same content', () => {
    const fence = chooseFence(['title', 'body']);

    expect(fence).toMatch(/^[0-9a-f]{16}$/);
    expect(chooseFence(['title', 'body'])).toBe(fence);
  });

  it('derives another fence when the content changes, even by a split point', () => {
    expect(chooseFence(['ab', 'c'])).not.toBe(chooseFence(['a', 'bc']));
    expect(chooseFence(['title', 'body'])).not.toBe(chooseFence(['title', 'body!']));
  });

  it('never returns a fence that occurs in the content', () => {
    // Every one-digit fence occurs here, so the first candidates must all be rejected.
    const content = ['0123456789abcdef'];
    const fence = chooseFence(content, 1);

    expect(fence.length).toBeGreaterThan(1);
    expect(content[0]).not.toContain(fence);
    expect(chooseFence(content, 1)).toBe(fence);
  });
});

describe('chooseFence over texts given one at a time', () => {
  it('reads them once and chooses the fence it chooses for the same texts in an array', () => {
    const texts = ['title', 'a0123456789abcdef0123 and more', 'body'];
    let reads = 0;
    const oneAtATime = function* () {
      for (const text of texts) {
        reads += 1;
        yield text;
      }
    };

    expect(chooseFence(oneAtATime())).toBe(chooseFence(texts));
    expect(reads).toBe(texts.length);
  });

  it('rejects a candidate that occurs inside a run of hex digits among other text', () => {
    // Every one-digit candidate occurs in the run, given one text at a time.
    const texts = ['title', 'see x0123456789abcdefx here', 'body'];
    const fence = chooseFence(texts.values(), 1);

    expect(fence.length).toBeGreaterThan(1);
    for (const text of texts) expect(text).not.toContain(fence);
    expect(chooseFence(texts, 1)).toBe(fence);
  });
});

describe('chooseFence: where a candidate can occur', () => {
  it('rejects every candidate that a text of mixed runs holds, at any length', () => {
    const random = (seed: number) => () =>
      (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const next = random(7);
    const alphabet = '0123456789abcdefABCDxyz \n';
    const text = Array.from(
      { length: 20_000 },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join('');
    for (const length of [1, 2, 3, 4, 5, 8]) {
      // The text holds runs of every length; a fence one digit longer is rejected only where
      // such a run holds it, so the fence must be absent from the text at every length.
      const fence = chooseFence([text], length);
      expect(text).not.toContain(fence);
      expect(fence.length).toBeGreaterThanOrEqual(length);
    }
  });
});

describe('fenceData', () => {
  it('wraps content between an opening and a closing line carrying the fence', () => {
    expect(fenceData('f00d', 'title', 'Hello')).toBe(
      '<<<PR DATA f00d: title>>>\nHello\n<<<END PR DATA f00d>>>',
    );
  });
});

describe('quoteInline', () => {
  it('escapes quotes and newlines so a value stays on one line', () => {
    expect(quoteInline('a"b\nc')).toBe('"a\\"b\\nc"');
  });
});
