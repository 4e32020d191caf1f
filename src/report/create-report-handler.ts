/**
 * The report routes, for Probot's `addHandler`: `GET /reports/costs` (JSON),
 * `GET /reports` (the HTML page) and `GET /reports/assets/<file>` (its script and styles). Each
 * needs `Authorization: Bearer $REPORT_TOKEN` or a link signed with it (sign-report-link.ts);
 * every route answers 404 while REPORT_TOKEN is unset.
 */
import { isOwnerAndName } from '../domain/review-job.js';
import { DATE_EXPECTED, parseTimestamp } from '../domain/parse-timestamp.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReportQueries } from '../ledger/report-queries.js';
import type { LedgerFilter } from '../ledger/types.js';
import { readFindingFigures } from './finding-figures.js';
import { hasBearerToken } from './has-bearer-token.js';
import { isReportAssetName, loadReportAssets, type ReportAssetName } from './report-assets.js';
import { renderReportPage } from './render-report-page.js';
import { checkReportLink, signReportLink, type LinkCheck } from './sign-report-link.js';

export interface ReportHandlerOptions {
  /**
   * Answers in the database: the summary and the most expensive reviews. On SQLite, give it a
   * reader on its own thread (openSqliteReportReader) so a large report never holds the webhooks.
   */
  readonly reports: ReportQueries;
  /** Unset: every report route answers 404. */
  readonly token: string | undefined;
  /** Checks link expiry; tests pin it. */
  readonly now?: () => Date;
}

/** Rows in the page's table of the most expensive reviews. */
export const TOP_REVIEWS = 25;

export const REPORT_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

const sendJson = (res: ServerResponse, status: number, body: unknown): true => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
  return true;
};

const UNAUTHORIZED: Record<Exclude<LinkCheck, 'valid'>, string> = {
  unsigned: 'missing or wrong bearer token: send Authorization: Bearer $REPORT_TOKEN',
  expired: 'this report link has expired: ask for a new signed link',
  invalid: 'this report link has a wrong signature: ask for a new signed link',
};

const isReportPath = (pathname: string): boolean =>
  pathname === '/reports' || pathname.startsWith('/reports/');

/** The report's filter from its query, or what is wrong with a date in it. */
const filterFrom = (url: URL): LedgerFilter | { readonly error: string } => {
  const pick = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  // A `+` sent unencoded in a query is a space: `…T00:00:00 01:00` meant `+01:00`.
  const offset = (value: string | undefined) =>
    value?.replace(/(T[\d:.]+) (\d{2}:?\d{2})$/, '$1+$2');
  const since = offset(pick('since'));
  const until = offset(pick('until'));
  const repo = pick('repo');
  for (const [name, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (value !== undefined && parseTimestamp(value) === null) {
      return { error: `${name}=${value}: ${DATE_EXPECTED}` };
    }
  }
  const from = since === undefined ? null : parseTimestamp(since);
  const to = until === undefined ? null : parseTimestamp(until);
  if (from !== null && to !== null && from >= to) {
    return {
      error: `since=${since} until=${until}: until is exclusive, so it must come after since`,
    };
  }
  if (repo !== undefined && !isOwnerAndName(repo))
    return { error: `repo=${repo}: expected OWNER/NAME, as GitHub names the repository` };
  return { ...(since ? { since } : {}), ...(until ? { until } : {}), ...(repo ? { repo } : {}) };
};

/** Links from the page expire with the page's own link, or on the next hour but one. */
const linkExpiry = (url: URL, check: LinkCheck, now: Date): Date =>
  check === 'valid'
    ? new Date(Number(url.searchParams.get('exp')) * 1000)
    : new Date((Math.floor(now.getTime() / 3_600_000) + 2) * 3_600_000);

export const createReportHandler = (options: ReportHandlerOptions) => {
  const assets = loadReportAssets();
  const now = options.now ?? (() => new Date());

  const servePage = async (res: ServerResponse, url: URL, token: string, check: LinkCheck) => {
    const filter = filterFrom(url);
    if ('error' in filter) return sendJson(res, 400, filter);
    const [summary, top, findings] = await Promise.all([
      options.reports.summarize(filter),
      options.reports.mostExpensive(filter, TOP_REVIEWS),
      readFindingFigures(options.reports, filter),
    ]);
    const expiry = linkExpiry(url, check, now());
    const html = renderReportPage({
      summary,
      top,
      findings,
      filter,
      assetUrl: (name: ReportAssetName) => signReportLink(token, `/reports/assets/${name}`, expiry),
      jsonUrl: signReportLink(
        token,
        `/reports/costs?${new URLSearchParams({ ...filter }).toString()}`,
        expiry,
      ),
      link:
        check === 'valid'
          ? { exp: url.searchParams.get('exp') ?? '', sig: url.searchParams.get('sig') ?? '' }
          : null,
      generatedAt: now(),
    });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': REPORT_PAGE_CSP,
      'x-frame-options': 'DENY',
      ...SECURITY_HEADERS,
    });
    res.end(html);
    return true;
  };

  const serveAsset = (res: ServerResponse, name: string): true => {
    const asset = isReportAssetName(name) ? assets.get(name) : undefined;
    if (!asset) return sendJson(res, 404, { error: 'not found' });
    res.writeHead(200, {
      'content-type': asset.contentType,
      'cache-control': 'private, max-age=3600',
      ...SECURITY_HEADERS,
    });
    res.end(asset.body);
    return true;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!isReportPath(url.pathname)) return false;
    const token = options.token;
    if (token === undefined) return sendJson(res, 404, { error: 'not found' });
    const check = checkReportLink(token, url, now());
    if (!hasBearerToken(req, token) && check !== 'valid') {
      res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, 401, { error: UNAUTHORIZED[check] });
    }
    const route = url.pathname.replace(/\/+$/, '') || '/';
    const asset = route.startsWith('/reports/assets/') ? route.slice(16) : null;
    if (route !== '/reports' && route !== '/reports/costs' && asset === null) {
      return sendJson(res, 404, { error: 'not found' });
    }
    // HEAD is GET without the body (Node's server leaves it out); anything else is refused.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'use GET' });
    }
    if (asset !== null) return serveAsset(res, asset);
    if (route === '/reports') return servePage(res, url, token, check);
    const filter = filterFrom(url);
    if ('error' in filter) return sendJson(res, 400, filter);
    const [summary, findings] = await Promise.all([
      options.reports.summarize(filter),
      readFindingFigures(options.reports, filter),
    ]);
    return sendJson(res, 200, { ...summary, findings });
  };
};
