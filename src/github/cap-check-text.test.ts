import { describe, expect, it } from 'vitest';
import { capCheckText, MAX_CHECK_TEXT_BYTES } from './octokit-github.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('capCheckText', () => {
  it('leaves a text that fits as it is', () => {
    expect(capCheckText('all good')).toBe('all good');
  });

  it('cuts a long text to what GitHub takes, and says so', () => {
    const out = capCheckText('a'.repeat(70_000));
    expect(bytes(out)).toBeLessThanOrEqual(MAX_CHECK_TEXT_BYTES);
    expect(out.endsWith('\n\n… (truncated)')).toBe(true);
  });

  it('counts bytes, not characters: 30,000 euro signs are 90,000 bytes', () => {
    const out = capCheckText('€'.repeat(30_000));
    expect(bytes(out)).toBeLessThanOrEqual(MAX_CHECK_TEXT_BYTES);
    expect(out).not.toContain('\uFFFD');
    expect(out.replace('\n\n… (truncated)', '')).toMatch(/^€+$/);
  });
});
