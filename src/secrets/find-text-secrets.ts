/**
 * The secrets in a text, as ranges of it: the project's detectors (formats and assignment
 * shapes), the service formats table and secretlint's preset. A detector runs only where one of
 * its keywords occurs: on the lines that hold one, in one pass over them all, or on the whole text
 * for a pattern that may span lines. A value any of them finds is dropped when it is a
 * placeholder.
 */
import { isPlaceholder } from './is-placeholder.js';
import { keywordGate } from './keyword-gate.js';
import { type KeywordLines, linesAt, shiftOf } from './keyword-lines.js';
import { SECRET_DETECTORS } from './secret-detectors.js';
import { type GatedRule, gatedRules } from './secretlint-keywords.js';
import { secretlintRanges } from './secretlint-ranges.js';
import { SERVICE_FORMATS } from './service-formats.js';
import type { SecretDetector, SecretRange } from './types.js';

/** Shorter than any secret a detector accepts: not worth scanning. */
const MIN_TEXT_LENGTH = 16;

/** The project's detectors and the service formats, in priority order. */
export const DETECTORS: readonly SecretDetector[] = [
  ...SECRET_DETECTORS,
  ...SERVICE_FORMATS.map((format) => ({
    kind: format.kind,
    keywords: format.keywords,
    casedKeywords: !format.anyCase,
    pattern: format.pattern,
  })),
];

/** One of the project's detectors, or one of secretlint's rules, with the keywords that gate it. */
type Entry =
  GatedRule | { readonly detector: SecretDetector; readonly keywords: readonly string[] };

let gate: ReturnType<typeof keywordGate<Entry>> | undefined;

/** Every detector and rule behind one keyword gate, built the first time a text is scanned. */
const detectorGate = () =>
  (gate ??= keywordGate<Entry>([
    ...DETECTORS.map((detector) => ({
      detector,
      keywords: detector.keywords,
      casedKeywords: detector.casedKeywords === true,
    })),
    ...gatedRules(),
  ]));

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

/** `ranges` (of `lines`) moved to where they are in the whole text, added to `into`. */
const shifted = (
  lines: KeywordLines,
  ranges: readonly SecretRange[],
  into: SecretRange[],
): void => {
  for (const range of ranges) {
    const shift = shiftOf(lines, range.start);
    into.push({ start: range.start + shift, end: range.end + shift, kind: range.kind });
  }
};

export const findTextSecrets = (text: string): SecretRange[] => {
  if (text.length < MIN_TEXT_LENGTH) return [];
  const { selected, at } = detectorGate().scan(text);
  // The lines holding a set of keywords, built once for every detector that shares the set.
  const cache = new Map<string, KeywordLines | null>();
  const linesOf = (keywords: readonly string[], following: number): KeywordLines | null => {
    const key = `${following}\0${keywords.join('\0')}`;
    if (cache.has(key)) return cache.get(key) ?? null;
    const positions = keywords.flatMap((keyword) => at.get(keyword.toLowerCase()) ?? []);
    const lines = linesAt(text, positions, following);
    cache.set(key, lines);
    return lines;
  };
  const ranges: SecretRange[] = [];
  for (const entry of selected) {
    const spansLines = 'rule' in entry ? entry.spansLines : entry.detector.spansLines === true;
    const lines = spansLines
      ? null
      : linesOf(entry.keywords, 'rule' in entry ? entry.following : 0);
    const scanned = lines?.text ?? text;
    const found: SecretRange[] = [];
    if ('rule' in entry) found.push(...secretlintRanges(scanned, [entry.rule]));
    else runDetector(scanned, entry.detector, found);
    if (lines === null) ranges.push(...found);
    else shifted(lines, found, ranges);
  }
  return ranges.filter((range) => isCredential(text, range));
};
