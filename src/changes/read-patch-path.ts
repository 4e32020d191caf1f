import { stripCarriageReturn } from './patch-lines.js';

const C_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92,
};

/**
 * A path as git writes it after `--- `, `+++ `, `rename from ` and the like: either a
 * C-quoted string (`"a/sp\303\244ce.txt"`, octal escapes are UTF-8 bytes) or the bare name up
 * to a tab (git puts a tab after a name with a space in it; `diff -u` puts a timestamp there).
 * Returns null for `/dev/null`.
 */
export function readPatchPath(text: string): string | null {
  const raw = stripCarriageReturn(text);
  const quoted = raw.startsWith('"') ? unquoteCStyle(raw, 0) : null;
  const tab = raw.indexOf('\t');
  const path = quoted?.value ?? (tab === -1 ? raw : raw.slice(0, tab));
  return path === '/dev/null' ? null : path;
}

/** Drops the first path component (`a/`, `b/`, `old/`), as `git apply -p1` does; a bare name stays. */
export function stripFirstComponent(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/**
 * The two names of a `diff --git A B` header, first component dropped. Unquoted names may hold
 * spaces, so the header is split where both halves name the same file (what git does for a
 * file that is not renamed); for a rename the `rename from`/`rename to` lines say better.
 *
 * Two equal names mean a patch written without prefixes (`git diff --no-prefix`, or
 * `diff.noprefix` set): git's prefixes always differ (`a/` and `b/`, or `c/`, `i/`, `o/`, `w/`),
 * so the names are kept whole, and `prefixed` tells the `---`/`+++` lines to keep theirs too.
 */
export function splitDiffGitNames(rest: string): {
  oldPath: string;
  newPath: string;
  prefixed: boolean;
} {
  const names = splitQuoted(rest) ?? splitBareEqual(rest) ?? splitBareFallback(rest);
  if (names[0] === names[1]) return { oldPath: names[0], newPath: names[1], prefixed: false };
  return {
    oldPath: stripFirstComponent(names[0]),
    newPath: stripFirstComponent(names[1]),
    prefixed: true,
  };
}

function splitQuoted(rest: string): [string, string] | null {
  if (rest.startsWith('"')) {
    const first = unquoteCStyle(rest, 0);
    if (first === null || rest[first.end] !== ' ') return null;
    const second = rest.slice(first.end + 1);
    return [
      first.value,
      second.startsWith('"') ? (unquoteCStyle(second, 0)?.value ?? second) : second,
    ];
  }
  const quotedSecond = rest.indexOf(' "');
  if (quotedSecond === -1 || !rest.endsWith('"')) return null;
  const second = unquoteCStyle(rest, quotedSecond + 1);
  return second === null ? null : [rest.slice(0, quotedSecond), second.value];
}

function splitBareEqual(rest: string): [string, string] | null {
  const firstSlash = rest.indexOf('/');
  for (let space = rest.indexOf(' '); space !== -1; space = rest.indexOf(' ', space + 1)) {
    const oldPrefix = firstSlash !== -1 && firstSlash < space ? firstSlash + 1 : 0;
    const secondSlash = rest.indexOf('/', space + 1);
    const newPrefix = secondSlash === -1 ? 0 : secondSlash - space;
    const oldLength = space - oldPrefix;
    const newLength = rest.length - space - 1 - newPrefix;
    if (oldLength === newLength && oldLength > 0) {
      const oldName = rest.slice(0, space);
      const newName = rest.slice(space + 1);
      if (oldName.slice(oldPrefix) === newName.slice(newPrefix)) return [oldName, newName];
    }
  }
  return null;
}

function splitBareFallback(rest: string): [string, string] {
  const atB = rest.indexOf(' b/');
  const space = atB === -1 ? rest.indexOf(' ') : atB;
  return space === -1 ? [rest, rest] : [rest.slice(0, space), rest.slice(space + 1)];
}

/**
 * Reads the C-quoted string that starts at `text[start]` (a `"`). Returns its value and the
 * index after the closing quote, or null when it is not closed. Escaped bytes and raw
 * characters are decoded together as UTF-8; invalid bytes become U+FFFD.
 */
export function unquoteCStyle(text: string, start: number): { value: string; end: number } | null {
  if (text[start] !== '"') return null;
  const bytes: number[] = [];
  let index = start + 1;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') {
      return { value: new TextDecoder('utf-8').decode(new Uint8Array(bytes)), end: index + 1 };
    }
    if (char !== '\\') {
      const codePoint = text.codePointAt(index) ?? 0;
      pushUtf8(bytes, codePoint);
      index += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const octal = /^[0-3][0-7][0-7]/.exec(text.slice(index + 1, index + 4));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      index += 4;
      continue;
    }
    const escaped = text[index + 1] ?? '';
    const byte = C_ESCAPES[escaped];
    if (byte === undefined) pushUtf8(bytes, 0x5c);
    else bytes.push(byte);
    index += byte === undefined ? 1 : 2;
  }
  return null;
}

function pushUtf8(bytes: number[], codePoint: number): void {
  if (codePoint < 0x80) {
    bytes.push(codePoint);
  } else if (codePoint < 0x800) {
    bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  } else if (codePoint < 0x10000) {
    bytes.push(
      0xe0 | (codePoint >> 12),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
  } else {
    bytes.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
  }
}
