/** What a model must return, after zod validation (src/review/schema.ts). */
import type { Side } from './diff.js';

export type Severity = 'info' | 'warning' | 'error' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

export interface Finding {
  readonly path: string;
  readonly line: number;
  readonly start_line: number | null;
  readonly side: Side;
  readonly severity: Severity;
  readonly category: string;
  readonly title: string;
  readonly body: string;
  readonly suggestion: string | null;
  /** How sure the model is, 0 to 1; null or absent when it did not say. */
  readonly confidence?: number | null;
}

export interface ModelAnswer {
  readonly summary: string;
  readonly escalate: { readonly needed: boolean; readonly reason: string };
  readonly findings: readonly Finding[];
}
