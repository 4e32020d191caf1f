import type { RiskSignal } from '../../domain/classification.js';
import type { RiskyPatternId } from './signal-weights.js';
import { RISKY_PATTERN_MAX_WEIGHT, RISKY_PATTERN_WEIGHTS } from './signal-weights.js';
import type { SignalContext } from '../types.js';
import { hasCodeBetween, lexLine, syntaxOf } from './lex-line.js';
import type { LexedLine, Syntax } from './lex-line.js';
import { listAddedLines } from './list-added-lines.js';
import { languageOf, RISKY_PATTERNS } from './risky-patterns.js';
import type { RiskyPattern } from './risky-patterns.js';

interface Sighting {
  readonly pattern: RiskyPattern;
  readonly first: string;
  count: number;
}

/** Lines that only comment ("// never call eval()") are not code. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|#|--|<!--)/;

const patternsFor = (path: string): readonly RiskyPattern[] => {
  const language = languageOf(path);
  if (language === 'document') return [];
  return RISKY_PATTERNS.filter(
    ({ languages }) =>
      languages === 'any' || (language !== 'other' && languages.includes(language)),
  );
};

/** Each pattern once more with the g flag, to look past a match that lies inside a literal. */
const EVERY_MATCH: ReadonlyMap<RiskyPattern, RegExp> = new Map(
  RISKY_PATTERNS.map((risky) => [
    risky,
    new RegExp(risky.pattern.source, `${risky.pattern.flags.replace('g', '')}g`),
  ]),
);

/** Whether the pattern is in the part of the line it looks at (see LooksAt). */
const appearsIn = (risky: RiskyPattern, line: LexedLine): boolean => {
  if (risky.looksAt === 'code') return risky.pattern.test(line.code);
  const every = EVERY_MATCH.get(risky) ?? risky.pattern;
  every.lastIndex = 0;
  for (
    let match = every.exec(line.uncommented);
    match !== null;
    match = every.exec(line.uncommented)
  ) {
    if (hasCodeBetween(line.code, match.index, match.index + match[0].length)) return true;
    every.lastIndex = match.index + 1;
  }
  return false;
};

/**
 * The patterns found in one added line. The line is lexed only when a pattern matches it as
 * written, which keeps the cost of the signal where it was: most lines match none.
 */
const findIn = (
  text: string,
  syntax: Syntax,
  patterns: readonly RiskyPattern[],
): RiskyPattern[] => {
  const candidates = patterns.filter(({ pattern }) => pattern.test(text));
  if (candidates.length === 0) return candidates;
  const line = lexLine(text, syntax);
  return candidates.filter((risky) => appearsIn(risky, line));
};

const combine = (ids: readonly RiskyPatternId[]): number => {
  const keep = ids.reduce((product, id) => product * (1 - RISKY_PATTERN_WEIGHTS[id]), 1);
  return Math.round(Math.min(RISKY_PATTERN_MAX_WEIGHT, 1 - keep) * 100) / 100;
};

/**
 * Risky constructs in ADDED lines only (removing an eval() is good news), outside tests and
 * documents, per language: eval, shell execution, SQL built from strings, disabled TLS checks,
 * raw HTML, unsafe deserialisation, weak hashes. Each is looked for in the code of the line,
 * or in its code and strings, as its pattern says; never in comments.
 */
export const detectRiskyPattern = (ctx: SignalContext): RiskSignal | null => {
  const sightings = new Map<RiskyPatternId, Sighting>();
  const paths: string[] = [];
  for (const facts of ctx.counted) {
    if (facts.isTest || facts.file.hunks.length === 0) continue;
    const patterns = patternsFor(facts.path);
    if (patterns.length === 0) continue;
    const syntax = syntaxOf(facts.path);
    let found = false;
    for (const { line, text } of listAddedLines(facts.file)) {
      if (COMMENT_LINE.test(text)) continue;
      for (const pattern of findIn(text, syntax, patterns)) {
        found = true;
        const sighting = sightings.get(pattern.id);
        if (sighting) sighting.count += 1;
        else sightings.set(pattern.id, { pattern, first: `${facts.path}:${line}`, count: 1 });
      }
    }
    if (found) paths.push(facts.path);
  }
  if (sightings.size === 0) return null;
  const found = RISKY_PATTERNS.flatMap(({ id }) => {
    const sighting = sightings.get(id);
    return sighting ? [sighting] : [];
  });
  const parts = found.map(
    ({ pattern, first, count }) =>
      `${pattern.label} at ${first}${count > 1 ? ` (+${count - 1} more)` : ''}`,
  );
  return {
    id: 'risky-pattern',
    weight: combine(found.map(({ pattern }) => pattern.id)),
    message: `adds ${parts.join(', ')}`,
    paths,
  };
};
