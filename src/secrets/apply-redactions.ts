/** Replaces each secret range of one line with `[REDACTED:<kind>]`. */
import { SECRET_DETECTORS } from './secret-detectors.js';
import type { SecretKind, SecretRange } from './types.js';

/** The marker that takes a secret's place; the model and the reader see only the kind. */
export const redactionMarker = (kind: SecretKind): string => `[REDACTED:${kind}]`;

/** Kinds that name a shape rather than a format: any more specific kind names a merged range. */
const GENERAL: readonly SecretKind[] = [
  'url-password',
  'bearer-token',
  'kubernetes-secret',
  'generic-secret',
];
const SPECIFIC: readonly SecretKind[] = [
  'private-key',
  ...SECRET_DETECTORS.map((detector) => detector.kind).filter((kind) => !GENERAL.includes(kind)),
];

/** Lower ranks first: a known format, then a service's token, then a shape. */
const rank = (kind: SecretKind): number => {
  const specific = SPECIFIC.indexOf(kind);
  if (specific !== -1) return specific;
  const general = GENERAL.indexOf(kind);
  return general === -1 ? SPECIFIC.length : SPECIFIC.length + 1 + general;
};

/** Overlapping or touching ranges become one, named by the most specific kind among them. */
export const mergeRanges = (ranges: readonly SecretRange[]): SecretRange[] => {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, range.end),
        kind: rank(range.kind) < rank(last.kind) ? range.kind : last.kind,
      };
    } else {
      merged.push(range);
    }
  }
  return merged;
};

export const applyRedactions = (text: string, ranges: readonly SecretRange[]): string => {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const range of mergeRanges(ranges)) {
    out += text.slice(at, range.start) + redactionMarker(range.kind);
    at = range.end;
  }
  return out + text.slice(at);
};
