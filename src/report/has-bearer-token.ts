/** `Authorization: Bearer <token>`, compared in constant time. */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const hasBearerToken = (req: IncomingMessage, token: string): boolean => {
  const header = req.headers.authorization ?? '';
  // The scheme's name is case-insensitive (RFC 9110): `bearer` is as good as `Bearer`.
  const given = Buffer.from(/^bearer /i.test(header) ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
