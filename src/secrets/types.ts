/** What the secrets stage finds and reports. */
import type { Finding } from '../domain/model-answer.js';

/**
 * What a secret is, in kebab-case, shown in its redaction marker (`[REDACTED:github-token]`):
 * the kinds named in `describe-secret.ts`, or `<service>-token` for a service's credential.
 */
export type SecretKind = string;

/** Finds one kind of secret in a text; see `secret-detectors.ts`. */
export interface SecretDetector {
  readonly kind: SecretKind;
  /** Texts one of which every match contains: a text without any skips the pattern. */
  readonly keywords: readonly string[];
  /** Whether the keywords must occur in this case (by default they may occur in any case). */
  readonly casedKeywords?: boolean;
  /**
   * Global with indices (`dg`); the part to redact is the group `secret` (or `bare`, an
   * alternative's), from the start of `head` if there is one.
   */
  readonly pattern: RegExp;
  /**
   * Whether a match may span a line break: then the pattern runs on the whole text, else only on
   * the lines that hold one of its keywords.
   */
  readonly spansLines?: boolean;
  /** A further check on the `secret` group; every match counts without one. */
  readonly accept?: (secret: string) => boolean;
}

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
