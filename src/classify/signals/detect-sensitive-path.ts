import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { directoryOf, formatList, plural } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

type Area = 'authentication' | 'authorization' | 'cryptography' | 'credential handling' | 'payment';

const WORDS_BY_AREA: Readonly<Record<Area, string>> = {
  authentication:
    'auth authn authenticate authentication authenticator oauth oidc sso saml mfa totp passport ' +
    'login logins logout signin sign-in session sessions jwt jwts jwks password passwords passwd',
  authorization:
    'authz authorization authorize authorizer permission permissions rbac abac acl acls policy-engine',
  cryptography: 'crypto cryptography cipher ciphers encrypt encryption decrypt decryption',
  'credential handling': 'secret secrets credential credentials token tokens keystore',
  payment: 'payment payments billing checkout',
};

const AREA_BY_WORD: ReadonlyMap<string, Area> = new Map(
  (Object.entries(WORDS_BY_AREA) as [Area, string][]).flatMap(([area, words]) =>
    words.split(' ').map((word): [string, Area] => [word, area]),
  ),
);

/**
 * The words of a path: segments split at punctuation and camelCase, lower-cased, trailing digits
 * dropped (OAuth2Client -> o, auth, client), the file extension left out. Neighbouring words are
 * also joined with a dash so that "policy engine" is found as one word. "authors.md" gives
 * "authors", which is not "auth": words are matched whole, never as substrings.
 */
export const splitPathWords = (path: string): string[] => {
  const withoutExtension = path.replace(/(?<=[^/.])\.[^/.]*$/, '');
  const words = withoutExtension
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word.length > 0);
  const pairs = words.slice(1).map((word, index) => `${words[index] ?? ''}-${word}`);
  return [...words, ...pairs];
};

/**
 * Whether a path may hold an area's word. A word of a path is a piece of it, lower-cased (camelCase
 * splits and a dropped extension or trailing digits only cut around it), and a joined pair starts
 * with its first word: a path whose lower case holds no area word, nor the first half of a
 * two-word one, has none, and is not split (most paths of a large change).
 */
const MAY_HOLD_AN_AREA_WORD = new RegExp(
  [...new Set([...AREA_BY_WORD.keys()].map((word) => word.split('-')[0]))].join('|'),
);

/** The areas of these words, one per word that names one. */
export const areasOfWords = (words: readonly string[]): Area[] =>
  words.flatMap((word) => {
    const area = AREA_BY_WORD.get(word);
    return area ? [area] : [];
  });

/** The areas of a path's words; the path is split only when a word may be there. */
export const areasOf = (path: string): Area[] =>
  MAY_HOLD_AN_AREA_WORD.test(path.toLowerCase()) ? areasOfWords(splitPathWords(path)) : [];

/** Authentication, authorization, cryptography, credentials and payments, found by path words. */
export const detectSensitivePath = (ctx: SignalContext): RiskSignal | null => {
  const areas = new Set<Area>();
  const paths: string[] = [];
  for (const facts of ctx.counted) {
    const found = facts.paths.flatMap(areasOf);
    if (found.length === 0) continue;
    found.forEach((area) => areas.add(area));
    paths.push(facts.path);
  }
  const first = paths[0];
  if (first === undefined) return null;
  const more = paths.length > 1 ? ` and ${plural(paths.length - 1, 'more file')}` : '';
  return {
    id: 'sensitive-path',
    weight: SIGNAL_WEIGHTS['sensitive-path'],
    message: `touches ${formatList([...areas], 5)} code in ${directoryOf(first)}${more}`,
    paths,
  };
};
