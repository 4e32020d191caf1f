/**
 * One detector per kind of secret that fits on one line. Each pattern is global with indices
 * (`gd`) and names the part to redact `secret`; the rest of the match is context (a key name,
 * `Bearer `) that stays readable. Patterns never cross a line break, and repetitions are bounded
 * where a match could start at many positions, so that scanning stays linear on huge lines.
 */
import { ASSIGNMENT_DETECTORS } from './assignment-detectors.js';
import { looksLikeUrlPassword, looksRandom } from './looks-random.js';
import { ASSIGN } from './secret-name.js';
import type { SecretDetector } from './types.js';

export type { SecretDetector } from './types.js';

const hasLetterAndDigit = (value: string): boolean => /[A-Za-z]/.test(value) && /\d/.test(value);

/** In priority order: when ranges overlap, the kind listed first names the merged range. */
export const SECRET_DETECTORS: readonly SecretDetector[] = [
  {
    kind: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern:
      /(?<secret>gh[pousr]_(?<=(?<![A-Za-z0-9_])gh[pousr]_)[A-Za-z0-9]{30,255})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'github-token',
    keywords: ['github_pat_'],
    pattern:
      /(?<secret>github_pat_(?<=(?<![A-Za-z0-9_])github_pat_)[A-Za-z0-9_]{30,255})(?![A-Za-z0-9_])/dg,
  },
  {
    kind: 'anthropic-api-key',
    keywords: ['sk-ant-'],
    pattern:
      /(?<secret>sk-ant-(?<=(?<![A-Za-z0-9_-])sk-ant-)[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/dg,
  },
  {
    kind: 'openai-api-key',
    keywords: ['sk-'],
    pattern:
      /(?<secret>sk-(?<=(?<![A-Za-z0-9_-])sk-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/dg,
    accept: (secret) => !secret.startsWith('sk-ant-') && hasLetterAndDigit(secret.slice(3)),
  },
  {
    kind: 'stripe-key',
    keywords: ['k_live_'],
    pattern:
      /k_live_(?<=(?<![A-Za-z0-9_])(?<head>[sr])k_live_)(?<secret>[A-Za-z0-9]{16,255})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'slack-token',
    keywords: ['xox'],
    pattern:
      /(?<secret>xox[abposre]-(?<=(?<![A-Za-z0-9_-])xox[abposre]-)[A-Za-z0-9-]{10,255})(?![A-Za-z0-9-])/dg,
  },
  {
    kind: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    pattern:
      /hooks\.slack\.com\/services\/(?<secret>[A-Za-z0-9_]{1,64}\/[A-Za-z0-9_]{1,64}\/[A-Za-z0-9_]{8,64})/dg,
  },
  {
    kind: 'google-api-key',
    keywords: ['aiza'],
    pattern: /(?<secret>AIza(?<=(?<![A-Za-z0-9_-])AIza)[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/dg,
  },
  {
    kind: 'aws-access-key-id',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern:
      /(?<secret>A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])(?<=(?<![A-Za-z0-9])A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9]))[A-Z0-9]{16})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'aws-secret-access-key',
    keywords: ['key'],
    pattern: new RegExp(
      `secret_?(?:access_?)?key${ASSIGN}["'\`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
      'dgi',
    ),
  },
  {
    kind: 'jwt',
    // Every match holds `.ey` where its payload starts; `ey` alone is in every `key`.
    keywords: ['.ey'],
    pattern:
      /(?<secret>ey(?<=(?<![A-Za-z0-9_-])ey)[A-Za-z0-9_-]{8,4096}\.ey[A-Za-z0-9_/\\-]{8,8192}\.[A-Za-z0-9_/\\-]{0,4096}={0,2})(?![A-Za-z0-9_/\\-])/dg,
  },
  {
    kind: 'jwt',
    keywords: ['zxlk'],
    pattern:
      /(?<secret>ZXlK(?<=(?<![A-Za-z0-9+/])ZXlK)[A-Za-z0-9+/]{40,8192}={0,2})(?![A-Za-z0-9+/=])/dg,
    accept: (secret) => /^eyJ[\w-]{4,}\.eyJ/.test(Buffer.from(secret, 'base64').toString('latin1')),
  },
  {
    kind: 'age-secret-key',
    keywords: ['age-secret-key-1'],
    pattern: /(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})/dgi,
  },
  {
    kind: 'url-password',
    keywords: ['://'],
    pattern: /:\/\/[^\s:/@"'`]{0,256}:(?<secret>[^\s:/@"'`]{1,256})@/dg,
    accept: looksLikeUrlPassword,
  },
  {
    kind: 'url-password',
    keywords: ['-u ', '-u\t', '-u=', '--user'],
    pattern:
      /(?:-u|--user)(?:=|[ \t]{1,5})["']?\{?[^\s:"'{}]{0,64}\}?["']?:["']?\{?(?<secret>[^\s"'{}]{3,128})/dg,
    accept: looksLikeUrlPassword,
  },
  {
    kind: 'url-password',
    keywords: ['-u ', '-u\t', '-u=', '--user'],
    pattern: /(?:-u|--user)(?:=|[ \t]{1,5})["']?(?<secret>[^\s:"']{8,128}):["']?(?=\s|$)/dgm,
    accept: (secret) => looksRandom(secret, 8),
  },
  {
    kind: 'bearer-token',
    keywords: ['bearer', 'basic', 'token', 'authorization'],
    pattern:
      /\b(?:Bearer|Basic|Token|Api-Token|X-(?:Auth|Api)-Token:|Authorization:)[ \t]{1,8}(?:(?:Bearer|Basic|Token|Bot)[ \t]{1,8})?(?<secret>[A-Za-z0-9._~+/-]{15,4096}[A-Za-z0-9_~+/-]={0,2})(?![A-Za-z0-9_~+/=-])/dgi,
    accept: (secret) => looksRandom(secret, 16),
  },
  {
    // Bundler's credentials for a gem server, `BUNDLE_GEMS__EXAMPLE__COM=user:password`
    kind: 'bundler-credentials',
    keywords: ['BUNDLE_'],
    casedKeywords: true,
    pattern:
      /BUNDLE_(?<=(?<![A-Za-z0-9_])BUNDLE_)(?=[A-Z0-9_-]{0,250}__)[A-Z0-9_-]{1,253}["']?[ \t]{0,8}[:=][ \t]{0,8}["']?(?<secret>[^\s"':;&]{1,128}:[^\s"';&]{1,128})/dg,
    accept: (secret) => looksLikeUrlPassword(secret.slice(secret.indexOf(':') + 1)),
  },
  ...ASSIGNMENT_DETECTORS,
];
