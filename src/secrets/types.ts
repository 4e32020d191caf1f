/** What the secrets stage finds and reports. */
import type { Finding } from '../domain/model-answer.js';

export type SecretKind =
  | 'private-key'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'google-api-key'
  | 'anthropic-api-key'
  | 'openai-api-key'
  | 'jwt'
  | 'bearer-token'
  | 'url-password'
  | 'generic-secret';

/** Characters `start` (inclusive) to `end` (exclusive) of one line hold a secret of `kind`. */
export interface SecretRange {
  readonly start: number;
  readonly end: number;
  readonly kind: SecretKind;
}

/**
 * A secret value found in the pull request, redacted wherever it recurs, also where no pattern
 * would recognise it (a password used bare in a test) and in what a model answers. Held in memory
 * for one job only: never logged, stored or sent.
 */
export interface KnownSecret {
  readonly value: string;
  readonly kind: SecretKind;
}

/** What the review reports about secrets found in the pull request. */
export interface SecretReport {
  /** One critical finding per added line that held a secret (the line's text is redacted). */
  readonly findings: readonly Finding[];
  /** Secrets in the title or description, which have no line to comment on. */
  readonly notes: readonly string[];
  /** The values found, to remove from the model's answer before it is posted. */
  readonly known: readonly KnownSecret[];
}

export const NO_SECRETS: SecretReport = { findings: [], notes: [], known: [] };
