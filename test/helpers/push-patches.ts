/** Patches of one pull request across two pushes, for the incremental review tests. */
export const A = 'a'.repeat(40);
export const B = 'b'.repeat(40);
export const NOW = '2026-11-21T10:00:00.000Z';

/** src/utils/format-date.ts as the pull request's first head changes it. */
export const FORMAT_AT_A = [
  '@@ -1,3 +1,4 @@',
  ' export export const formatDate = (date: Date): string => {',
  '-  return date.toISOString();',
  '+  export const iso = date.toISOString();',
  '+  return iso.slice(0, 10);',
  ' };',
].join('\n');

/** The same file at the second head: two lines added on top, so the flagged line moved 3 -> 5. */
export const FORMAT_AT_B = [
  '@@ -1,3 +1,6 @@',
  "+import { tz } from './tz.js';",
  '+',
  ' export export const formatDate = (date: Date): string => {',
  '-  return date.toISOString();',
  '+  export const iso = date.toISOString();',
  '+  return iso.slice(0, 10);',
  ' };',
].join('\n');

/** What the compare API shows for that file between the two heads. */
export const FORMAT_A_TO_B = [
  '@@ -1,3 +1,5 @@',
  "+import { tz } from './tz.js';",
  '+',
  ' export export const formatDate = (date: Date): string => {',
  '   export const iso = date.toISOString();',
  '   return iso.slice(0, 10);',
].join('\n');

export const TZ_PATCH =
  "@@ -0,0 +1,2 @@\n+export export const tz = process.env.TZ ?? 'UTC';\n+export export const offset = 0;";
export const TEST_PATCH = [
  '@@ -1,2 +1,3 @@',
  " import { formatDate } from '../src/utils/format-date.js';",
  "+it('formats a day', () => expect(formatDate(new Date(0))).toBe('1970-01-01'));",
  ' ',
].join('\n');
export const AUTH_PATCH = [
  '@@ -10,3 +10,5 @@ export function verify(token: string) {',
  '   export const session = sessions.get(token);',
  '+  if (session && session.expiresAt < Date.now()) return null;',
  "+  if (session?.user === 'admin') return session;",
  '   return session ?? null;',
  ' }',
].join('\n');
