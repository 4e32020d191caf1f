import { describe, expect, it } from 'vitest';
import { embedJson, escapeHtml } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes every character that could end text or an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(escapeHtml('acme/api#42 · risk high')).toBe('acme/api#42 · risk high');
  });
});

describe('embedJson', () => {
  const hostile = { repo: '</script><script>alert(1)</script>', note: '<!-- a & b \u2028' };

  it('never lets a string close the script element or open a comment', () => {
    const text = embedJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(embedJson(hostile))).toEqual(hostile);
  });
});
