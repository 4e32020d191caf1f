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
