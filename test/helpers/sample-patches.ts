/** Patches the integration tests send as a pull request's single file. */

/** A change to session checks; sent as a file under `src/auth/`, it is routed deep by default. */
export const AUTH_PATCH = [
  '@@ -10,3 +10,5 @@ export function verify(token: string) {',
  '   const session = sessions.get(token);',
  '+  if (session && session.expiresAt < Date.now()) return null;',
  "+  if (session?.user === 'admin') return session;",
  '   return session ?? null;',
  ' }',
].join('\n');

/** A two-line change to a date formatter: routine, routed fast by default. */
export const ROUTINE_PATCH = [
  '@@ -1,3 +1,4 @@',
  ' export const formatDate = (date: Date): string => {',
  '-  return date.toISOString();',
  '+  const iso = date.toISOString();',
  '+  return iso.slice(0, 10);',
  ' };',
].join('\n');
