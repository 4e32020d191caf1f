/** The single-line secrets in one line of text, as ranges to redact. */
import { SECRET_DETECTORS } from './secret-detectors.js';
import type { SecretRange } from './types.js';

/** Shorter than any secret a detector accepts: not worth scanning. */
const MIN_LINE_LENGTH = 16;

export const findLineSecrets = (line: string): SecretRange[] => {
  if (line.length < MIN_LINE_LENGTH) return [];
  const ranges: SecretRange[] = [];
  for (const detector of SECRET_DETECTORS) {
    detector.pattern.lastIndex = 0;
    for (const match of line.matchAll(detector.pattern)) {
      const secret = match.groups?.['secret'];
      const at = match.indices?.groups?.['secret'];
      if (secret === undefined || at === undefined) continue;
      if (detector.accept && !detector.accept(secret)) continue;
      ranges.push({ start: at[0], end: at[1], kind: detector.kind });
    }
  }
  return ranges;
};
