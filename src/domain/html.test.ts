import { describe, expect, it } from 'vitest';
import { embedJson, escapeHtml, html, raw } from './html.js';

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
    const text = embedJson(hostile).value;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(embedJson(hostile).value)).toEqual(hostile);
  });
});

describe('html', () => {
  const hostile = `"><script>alert('x')</script>&`;

  it('escapes every interpolated value, in text and in attributes', () => {
    expect(html`<a title="${hostile}">${hostile}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
  });

  it('inserts nested fragments and raw markup as they are, and joins arrays', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><hr>',
    );
  });

  it('writes numbers as they are and nothing for null, undefined and false', () => {
    expect(html`${1.5}|${0}|${null}|${undefined}|${false}|${true}`.value).toBe('1.5|0||||true');
  });
});
