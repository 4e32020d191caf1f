/**
 * The secrets in a text, as ranges of it: the project's detectors (formats and assignment
 * shapes), the service formats table and secretlint's preset, in one pass each over the whole
 * text. A detector runs only where one of its keywords occurs. A value any of them finds is
 * dropped when it is a placeholder.
 */
import { isPlaceholder } from './is-placeholder.js';
import { keywordGate } from './keyword-gate.js';
import { SECRET_DETECTORS } from './secret-detectors.js';
import { secretlintRanges } from './secretlint-ranges.js';
import { SERVICE_FORMATS } from './service-formats.js';
import type { SecretDetector, SecretRange } from './types.js';

/** Shorter than any secret a detector accepts: not worth scanning. */
const MIN_TEXT_LENGTH = 16;

const DETECTORS: readonly SecretDetector[] = [
  ...SECRET_DETECTORS,
  ...SERVICE_FORMATS.map((format) => ({
    kind: format.kind,
    keywords: format.keywords,
    casedKeywords: !format.anyCase,
    pattern: format.pattern,
  })),
];

const GATE = keywordGate(DETECTORS);

const runDetector = (text: string, detector: SecretDetector, ranges: SecretRange[]): void => {
  detector.pattern.lastIndex = 0;
  for (const match of text.matchAll(detector.pattern)) {
    const secret = match.groups?.['secret'] ?? match.groups?.['bare'];
    const at = match.indices?.groups?.['secret'] ?? match.indices?.groups?.['bare'];
    if (secret === undefined || at === undefined) continue;
    if (detector.accept && !detector.accept(secret)) continue;
    const head = match.indices?.groups?.['head'];
    ranges.push({ start: head?.[0] ?? at[0], end: at[1], kind: detector.kind });
  }
};

/** Structure a kind's value must have, whichever detector found it (secretlint's are looser). */
const STRUCTURE: Readonly<Record<string, RegExp>> = {
  'slack-token':
    /^(?:xox[a-z]-(?:\d-)?\d{8,}-|xox[ar]-(?:\d-)?(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[0-9A-Za-z]{8,48}$|xapp-\d-|xoxe)/,
};

/** Filler right after a value (`xoxp-…-####`) makes it a placeholder too. */
const TRAILING = 8;

const isCredential = (text: string, range: SecretRange): boolean => {
  if (range.kind === 'private-key') return true;
  const value = text.slice(range.start, range.end);
  return (
    !isPlaceholder(text.slice(range.start, range.end + TRAILING)) &&
    (STRUCTURE[range.kind]?.test(value) ?? true)
  );
};

export const findTextSecrets = (text: string): SecretRange[] => {
  if (text.length < MIN_TEXT_LENGTH) return [];
  const ranges: SecretRange[] = [];
  for (const detector of GATE.select(text)) runDetector(text, detector, ranges);
  ranges.push(...secretlintRanges(text));
  return ranges.filter((range) => isCredential(text, range));
};
