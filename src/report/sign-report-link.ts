/**
 * Signed report links: `/reports?exp=<unix seconds>&sig=<base64url>` opens a report without the
 * bearer header, until `exp`. The signature is HMAC-SHA256, keyed with REPORT_TOKEN, over
 * `<pathname>\n<exp>`: it binds the path and the expiry, not the filters, so the holder of a link
 * may change `since`, `until` and `repo` (the token would show them every repository anyway).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const BASE = 'http://localhost';

const signature = (token: string, pathname: string, exp: number): string =>
  createHmac('sha256', token).update(`${pathname}\n${exp}`).digest('base64url');

/**
 * `signReportLink(token, '/reports?repo=acme/api', new Date('2026-12-01'))` returns
 * `/reports?repo=acme%2Fapi&exp=1764547200&sig=...`: a path to append to the app's public URL.
 */
export const signReportLink = (token: string, path: string, expiresAt: Date): string => {
  const url = new URL(path, BASE);
  const exp = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isFinite(exp))
    throw new RangeError(`expiresAt is not a valid date: ${String(expiresAt)}`);
  url.searchParams.delete('exp');
  url.searchParams.delete('sig');
  url.searchParams.set('exp', String(exp));
  url.searchParams.set('sig', signature(token, url.pathname, exp));
  return `${url.pathname}${url.search}`;
};

export type LinkCheck = 'unsigned' | 'valid' | 'expired' | 'invalid';

/** Whether `url` carries a signature for its own path that holds at `now`. */
export const checkReportLink = (token: string, url: URL, now: Date): LinkCheck => {
  const sig = url.searchParams.get('sig');
  const expText = url.searchParams.get('exp');
  if (sig === null && expText === null) return 'unsigned';
  if (sig === null || expText === null || !/^\d{1,12}$/.test(expText)) return 'invalid';
  const exp = Number(expText);
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(token, url.pathname, exp));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return exp * 1000 > now.getTime() ? 'valid' : 'expired';
};
