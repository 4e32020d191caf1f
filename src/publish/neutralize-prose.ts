/**
 * Defuses Markdown prose written by a model (which may repeat what a pull request planted):
 * - images are dropped, links outside the repository become their text, and bare URLs outside it
 *   become their host in code (GitHub links bare URLs by itself);
 * - raw HTML cannot start (`<` is escaped), so neither can `<img>`, `<details>` or `<!--`; nor
 *   can a character reference (its `&` is escaped): `&#64;name` would mention once GitHub decodes
 *   it, and `&lt;` would be text of the model's looking like ours;
 * - what is left of link and image syntax cannot form one: `![`, `](` and `]:` get a backslash;
 * - `@name`, `@org/team` and `owner/repo#1` get a zero-width space, so nobody is notified.
 * Links into the repository are kept, with their text defused the same way.
 */
import { defuseMentions, ZERO_WIDTH_SPACE } from '../domain/defuse-mentions.js';
import { repositoryUrl } from './is-repository-url.js';
import type { RepositoryLink } from './types.js';

/** `[text](destination "title")` and `![alt](...)`, one level of brackets inside the text. */
const INLINE_LINK =
  /(!?)\[((?:\\.|[^[\]\\\n]|\[(?:\\.|[^[\]\\\n])*\])*)\]\([ \t]{0,32}(<[^<>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)(?:[ \t]{1,32}(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?[ \t]{0,32}\)/g;

/** What GitHub turns into a link by itself: scheme URLs and `www.` names, up to a space or `<`. */
const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|www\.)[^\s<]*/gi;
/** Trailing characters GitHub leaves out of a bare link (and so do we). */
const TRAILING = /[.,:;!?"'*_~)\]]+$/;

const PLACEHOLDER = /\uE000(\d+)\uE001/g;
/** The `&` of a character reference, which CommonMark decodes: `&#64;`, `&#x40;`, `&commat;`. */
const REFERENCE = /&(?=#\d{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

const hostOf = (url: string): string | null => {
  try {
    const { hostname } = new URL(/^www\./i.test(url) ? `https://${url}` : url);
    return /^[A-Za-z0-9.-]{1,253}$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
};

const removedLink = (url: string): string => {
  const host = hostOf(url);
  return host === null ? '(link removed)' : `\`${host}\` (link removed)`;
};

const destinationOf = (raw: string): string =>
  (raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw).replace(
    /\\([!-/:-@[-`{-~])/g,
    '$1',
  );

export const neutralizeProse = (text: string, repository: RepositoryLink | null): string => {
  const kept: string[] = [];
  const keep = (markdown: string): string => {
    kept.push(markdown);
    return `\uE000${kept.length - 1}\uE001`;
  };

  /** A link outside the repository becomes its text, in which links are replaced in turn. */
  const replaceLinks = (markdown: string): string =>
    markdown.replace(INLINE_LINK, (_match, bang: string, label: string, destination: string) => {
      if (bang === '!') return '(image removed)';
      const href = repositoryUrl(destinationOf(destination), repository);
      if (href === null) return replaceLinks(label);
      return keep(`[${neutralizeProse(label, null)}](${href})`);
    });

  const out = replaceLinks(text).replace(BARE_URL, (match) => {
    const trailing = TRAILING.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - trailing.length);
    const href = /^www\./i.test(url) ? null : repositoryUrl(url, repository);
    return (href === null ? keep(removedLink(url)) : keep(url)) + trailing;
  });
  const defused = defuseMentions(out)
    .replace(REFERENCE, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '!\\[')
    .replace(/\]\(/g, ']\\(')
    .replace(/\]:/g, ']\\:')
    .replace(/([A-Za-z0-9_.-]\/[A-Za-z0-9_.-]+)#(?=\d)/g, `$1${ZERO_WIDTH_SPACE}#`);
  return defused.replace(PLACEHOLDER, (_match, index: string) => kept[Number(index)] ?? '');
};
