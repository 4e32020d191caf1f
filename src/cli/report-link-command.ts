import { signReportLink } from '../report/sign-report-link.js';
import { CliError, type CliIo } from './cli-io.js';

export interface ReportLinkOptions {
  /** REPORT_TOKEN, the key the app checks links with. */
  readonly token: string | undefined;
  /** Where the report is, from `/reports` down, with its filters: `/reports?repo=acme/api`. */
  readonly path: string | undefined;
  /** How long the link holds: `30m`, `12h`, `7d`, `2w`. */
  readonly expires: string | undefined;
  /** Where people reach the app; the path is appended to it. */
  readonly baseUrl: string;
  readonly now: Date;
  readonly io: CliIo;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** A link is a bearer credential: it lives at most a year (a signature the server can check). */
const MAX_LIFETIME_MS = 366 * 24 * 60 * 60_000;

const parseExpires = (value: string): number => {
  const match = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  if (!Number.isSafeInteger(ms) || ms <= 0)
    throw new CliError(`--expires ${value}: expected a duration such as 30m, 12h, 7d or 2w`);
  if (ms > MAX_LIFETIME_MS)
    throw new CliError(
      `--expires ${value}: a link may live at most 366d (52w); whoever holds it reads every repository's costs`,
    );
  return ms;
};

const parsePath = (value: string): string => {
  const url = new URL(value, 'http://localhost');
  if (
    !value.startsWith('/') ||
    !(url.pathname === '/reports' || url.pathname.startsWith('/reports/'))
  )
    throw new CliError(
      `--path ${value}: expected a path under /reports, such as /reports or /reports?repo=acme/api`,
    );
  return value;
};

const parseBaseUrl = (value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `--base-url ${value}: expected a URL such as https://review-router.example.com`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`--base-url ${value}: expected an http or https URL`);
  // A path prefix (an app behind a proxy at /review-router) is kept: the link goes under it.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

/**
 * `review-router report-link [--path /reports] [--expires 7d] [--base-url URL]`: a link to a
 * report page that opens in a browser without the bearer token, until it expires. The link is
 * printed on stdout; when it expires, on stderr.
 */
export const runReportLinkCommand = (options: ReportLinkOptions): void => {
  if (options.token === undefined)
    throw new CliError(
      'REPORT_TOKEN is not set, and links are signed with it. To resolve, set REPORT_TOKEN (in the shell or ./.env) to the value the app runs with.',
    );
  const path = parsePath(options.path ?? '/reports');
  const lifetime = parseExpires(options.expires ?? '7d');
  const base = parseBaseUrl(options.baseUrl);
  const expiresAt = new Date(options.now.getTime() + lifetime);
  options.io.out(`${base}${signReportLink(options.token, path, expiresAt)}`);
  options.io.err(
    `report-link: valid until ${new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString()}; whoever holds it can read the cost reports of every repository until then`,
  );
};
