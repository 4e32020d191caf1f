/**
 * One detector per kind of secret that fits on one line. Each pattern is global with indices
 * (`gd`) and names the part to redact `secret`; the rest of the match is context (a key name,
 * `Bearer `) that stays readable. Repetitions are bounded where a match could start at many
 * positions, so that scanning stays linear on huge lines.
 */
import { looksLikeUrlPassword, looksRandom } from './looks-random.js';
import type { SecretKind } from './types.js';

export interface SecretDetector {
  readonly kind: SecretKind;
  readonly pattern: RegExp;
  /** A further check on the `secret` group; every match counts without one. */
  readonly accept?: (secret: string) => boolean;
}

const hasLetterAndDigit = (value: string): boolean => /[A-Za-z]/.test(value) && /\d/.test(value);

/** Key names whose value is a secret: the name must end with one of these words. */
const SECRET_NAME =
  '[A-Za-z0-9_.-]{0,64}?(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|client[_-]?secret|auth|access[_-]?key|secret[_-]?key|credentials?)';
/** `=`, `:`, `:=`, `=>`, `==`, `!=`, `||=`, `??=`, with an optional closing quote on the key. */
const ASSIGN = `["'\`]?\\]?\\s{0,8}(?:=>|:=|===?|!==?|\\|\\|=|\\?\\?=|=|:)\\s{0,8}`;

/** In priority order: when ranges overlap, the kind listed first names the merged range. */
export const SECRET_DETECTORS: readonly SecretDetector[] = [
  {
    kind: 'github-token',
    pattern:
      /(?<![A-Za-z0-9_])(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,255})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'github-token',
    pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{30,255})(?![A-Za-z0-9_])/dg,
  },
  {
    kind: 'anthropic-api-key',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/dg,
  },
  {
    kind: 'openai-api-key',
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300})(?![A-Za-z0-9_-])/dg,
    accept: (secret) => !secret.startsWith('sk-ant-') && hasLetterAndDigit(secret.slice(3)),
  },
  {
    kind: 'stripe-key',
    pattern: /(?<![A-Za-z0-9_])(?<secret>[sr]k_live_[A-Za-z0-9]{16,255})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'slack-token',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[abposr]-[A-Za-z0-9-]{10,255})(?![A-Za-z0-9-])/dg,
  },
  {
    kind: 'slack-webhook',
    pattern:
      /hooks\.slack\.com\/services\/(?<secret>[A-Za-z0-9_]{1,64}\/[A-Za-z0-9_]{1,64}\/[A-Za-z0-9_]{8,64})/dg,
  },
  {
    kind: 'google-api-key',
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/dg,
  },
  {
    kind: 'aws-access-key-id',
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])/dg,
  },
  {
    kind: 'aws-secret-access-key',
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:aws_?)?secret_?(?:access_?)?key${ASSIGN}["'\`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
      'dgi',
    ),
  },
  {
    kind: 'jwt',
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096})(?![A-Za-z0-9_-])/dg,
  },
  {
    kind: 'url-password',
    pattern:
      /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@"'`]{1,256}:(?<secret>[^\s:/@"'`]{1,256})@/dg,
    accept: looksLikeUrlPassword,
  },
  {
    kind: 'bearer-token',
    pattern:
      /\b(?:Bearer|Basic)\s{1,8}(?<secret>[A-Za-z0-9._~+/-]{16,4096}={0,2})(?![A-Za-z0-9._~+/=-])/dg,
    accept: (secret) => looksRandom(secret, 16),
  },
  {
    kind: 'generic-secret',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])${SECRET_NAME}${ASSIGN}(?<quote>["'\`])(?<secret>[^"'\`\\r\\n]{16,4096}?)\\k<quote>`,
      'dgi',
    ),
    accept: (secret) => looksRandom(secret, 16),
  },
  {
    kind: 'generic-secret',
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])${SECRET_NAME}${ASSIGN}(?<secret>[^\\s"'\`,;(){}\\[\\]<>]{20,4096})`,
      'dgi',
    ),
    accept: (secret) => looksRandom(secret, 20),
  },
];
