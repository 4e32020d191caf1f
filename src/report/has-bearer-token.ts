/** `Authorization: Bearer <token>`, compared in constant time. */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const hasBearerToken = (req: IncomingMessage, token: string): boolean => {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
