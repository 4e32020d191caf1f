import { describe, expect, it } from 'vitest';
import { checkReportLink, signReportLink } from './sign-report-link.js';

const TOKEN = 'report-secret';
const NOW = new Date('2026-11-21T12:00:00Z');
const LATER = new Date('2026-11-22T12:00:00Z');
const url = (path: string) => new URL(path, 'http://localhost');

describe('signReportLink', () => {
  it('signs a link that holds for its path until it expires', () => {
    const link = signReportLink(TOKEN, '/reports', LATER);
    expect(link).toMatch(/^\/reports\?exp=1795348800&sig=[\w-]{43}$/);
    expect(checkReportLink(TOKEN, url(link), NOW)).toBe('valid');
  });

  it('keeps the filters of the path, outside the signature', () => {
    const link = signReportLink(TOKEN, '/reports?repo=acme/api&since=2026-11-01', LATER);
    const parsed = url(link);
    expect(parsed.searchParams.get('repo')).toBe('acme/api');
    expect(parsed.searchParams.get('since')).toBe('2026-11-01');
    parsed.searchParams.set('repo', 'acme/web');
    expect(checkReportLink(TOKEN, parsed, NOW)).toBe('valid');
  });

  it('replaces an exp or sig already in the path', () => {
    const link = signReportLink(TOKEN, '/reports?exp=1&sig=forged', LATER);
    expect(url(link).searchParams.getAll('sig')).toHaveLength(1);
    expect(checkReportLink(TOKEN, url(link), NOW)).toBe('valid');
  });

  it('refuses a date that is not a date', () => {
    expect(() => signReportLink(TOKEN, '/reports', new Date('nonsense'))).toThrow(/valid date/);
  });
});

describe('checkReportLink', () => {
  it('says a URL without exp and sig is unsigned', () => {
    expect(checkReportLink(TOKEN, url('/reports?repo=acme/api'), NOW)).toBe('unsigned');
  });

  it('says a link is expired from its exp second on', () => {
    const link = url(signReportLink(TOKEN, '/reports', LATER));
    expect(checkReportLink(TOKEN, link, new Date(LATER.getTime() - 1000))).toBe('valid');
    expect(checkReportLink(TOKEN, link, LATER)).toBe('expired');
  });

  it.each([
    ['another path', (link: URL) => (link.pathname = '/reports/costs')],
    ['a later exp', (link: URL) => link.searchParams.set('exp', '1895348800')],
    ['a changed sig', (link: URL) => link.searchParams.set('sig', 'A'.repeat(43))],
    ['no sig', (link: URL) => link.searchParams.delete('sig')],
    ['a non-numeric exp', (link: URL) => link.searchParams.set('exp', '1e12')],
  ])('rejects a link with %s', (_case, tamper) => {
    const link = url(signReportLink(TOKEN, '/reports', LATER));
    tamper(link);
    expect(checkReportLink(TOKEN, link, NOW)).toBe('invalid');
  });

  it('rejects a link signed with another token', () => {
    const link = url(signReportLink('old-token', '/reports', LATER));
    expect(checkReportLink(TOKEN, link, NOW)).toBe('invalid');
  });
});
