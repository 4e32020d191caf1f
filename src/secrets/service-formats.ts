/**
 * Token formats that identify themselves (a vendor prefix, a fixed structure), beside those that
 * secretlint's preset knows: each is found with no name beside it. A row is data: `prefix` is the
 * literal text the token starts with (looked for first, case-insensitively, so that a text
 * without it costs one search), `body` the rest as a regular expression. A row may instead give
 * a whole `pattern` with a `secret` group where the token sits inside a larger structure.
 */
import { ROWS, type Row } from './service-format-rows.js';
import type { SecretKind } from './types.js';

export interface ServiceFormat {
  readonly kind: SecretKind;
  /** Texts one of which every match contains: the pattern runs only where one occurs. */
  readonly keywords: readonly string[];
  /** Whether the keywords may occur in any case. */
  readonly anyCase: boolean;
  readonly pattern: RegExp;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Rows whose token sits inside a larger text, with the part to redact named `secret` (from the
 * start of the group `head`, when there is one). A token with no prefix is found from a literal
 * in its middle (`_mmk`, `.atlasv1.`, `Q~`), with what precedes it checked behind: a pattern
 * that began with a character class would be tried at every position of the text.
 */
const STRUCTURED: readonly ServiceFormat[] = [
  {
    kind: 'maxmind-key',
    keywords: ['_mmk'],
    anyCase: false,
    pattern:
      /_mmk(?<=(?<![A-Za-z0-9_+/.-])(?<head>[A-Za-z0-9]{6}_[A-Za-z0-9]{29})_mmk)(?<secret>)(?![A-Za-z0-9_+/-])/dg,
  },
  {
    kind: 'terraform-token',
    keywords: ['.atlasv1.'],
    anyCase: false,
    pattern:
      /\.atlasv1\.(?<=(?<![A-Za-z0-9_+/.-])(?<head>[A-Za-z0-9]{14})\.atlasv1\.)(?<secret>[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_+/-])/dg,
  },
  {
    kind: 'telegram-bot-token',
    keywords: [':AA'],
    anyCase: false,
    pattern:
      /:AA(?<=(?<![A-Za-z0-9_+/.-])(?<head>[0-9]{5,16}):AA)(?<secret>[A-Za-z0-9_-]{33})(?![A-Za-z0-9_+/-])/dg,
  },
  {
    kind: 'azure-client-secret',
    keywords: ['Q~'],
    anyCase: false,
    pattern:
      /Q~(?<=(?<![A-Za-z0-9_~.-])(?<head>[A-Za-z0-9_~.]{3}[0-9])Q~)(?<secret>[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/dg,
  },
  {
    kind: 'facebook-token',
    // The digit before the separator sits behind the match, on its line.
    keywords: [...'0123456789'].flatMap((digit) => [`${digit}|`, `${digit}%`]),
    anyCase: false,
    pattern:
      /[|%](?<=[0-9][|%])(?<=(?<![0-9])[0-9]{15,16}[|%])(?<secret>[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/dg,
  },
  {
    kind: 'mailchimp-key',
    keywords: ['-us'],
    anyCase: false,
    pattern:
      /-us(?<=(?<![A-Za-z0-9_+/.-])(?<head>[a-f0-9]{32})-us)(?<secret>[0-9]{1,2})(?![A-Za-z0-9_+/-])/dg,
  },
  {
    kind: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    anyCase: true,
    pattern:
      /hooks\.slack\.com\/(?:workflows|triggers|services)\/(?<secret>[A-Za-z0-9+/_-]{20,200})/dgi,
  },
  {
    kind: 'teams-webhook',
    keywords: ['webhook.office.com'],
    anyCase: true,
    pattern: /\.webhook\.office\.com\/webhookb2\/(?<secret>[A-Za-z0-9@/_-]{60,400})/dgi,
  },
  {
    kind: 'azure-storage-key',
    keywords: ['accountkey='],
    anyCase: true,
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{80,90}={0,2})/dgi,
  },
  {
    kind: 'azure-storage-key',
    keywords: ['sharedaccesskey='],
    anyCase: true,
    pattern: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{40,90}={0,2})/dgi,
  },
  {
    kind: 'gitlab-token',
    keywords: ['_gitlab_session='],
    anyCase: true,
    pattern: /_gitlab_session=(?<secret>[0-9a-z]{32})/dg,
  },
];

/** Before a token: not part of a longer word or base64 run. */
const BEFORE = '(?<![A-Za-z0-9_+/.-])';

/**
 * The literal prefix comes first, its boundary checked behind it, so that the engine can search
 * for the prefix instead of trying the pattern at every position.
 */
const compile = ({ kind, prefix, body, anyCase = false, keyword }: Row): ServiceFormat => {
  const prefixes = typeof prefix === 'string' ? [prefix] : [...prefix];
  const literal = prefixes.map(escape).join('|');
  const head = anyCase ? `(?i:${literal})` : `(?:${literal})`;
  const start = literal === '' ? `${BEFORE}(?<secret>` : `(?<secret>${head}(?<=${BEFORE}${head})`;
  return {
    kind,
    keywords: keyword === undefined ? prefixes.filter((text) => text !== '') : [keyword],
    anyCase: anyCase || keyword !== undefined,
    pattern: new RegExp(`${start}${body})(?![A-Za-z0-9_+/-])`, 'dg'),
  };
};

export const SERVICE_FORMATS: readonly ServiceFormat[] = [...ROWS.map(compile), ...STRUCTURED];
