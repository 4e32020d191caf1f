/** "Did you mean ...?": the candidate nearest to a misspelt word, when it is near enough. */
import { distance } from 'fastest-levenshtein';

const normalise = (word: string): string => word.toLowerCase().replaceAll('-', '_');
const letters = (word: string): string => [...normalise(word)].sort().join('');

/**
 * The closest candidate, or null when none is close: at most a third of the longer word's
 * length apart (at least one edit) and fewer edits than either word has characters; or the
 * same letters swapped (`hihg`); or the word cut short (`warn` for `warning`). Case and `-`
 * for `_` are free, so `Labels` and `max-comments` find their key.
 */
export const suggestClosest = (word: string, candidates: readonly string[]): string | null => {
  const prefixOf = candidates.filter(
    (candidate) => word.length >= 3 && normalise(candidate).startsWith(normalise(word)),
  );
  if (prefixOf.length === 1) return prefixOf[0] ?? null;
  let best: { candidate: string; edits: number } | null = null;
  for (const candidate of candidates) {
    const edits = distance(normalise(word), normalise(candidate));
    if (best === null || edits < best.edits) best = { candidate, edits };
  }
  if (best === null) return null;
  if (word.length >= 3 && letters(word) === letters(best.candidate)) return best.candidate;
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best.candidate.length) / 3));
  const shorter = Math.min(word.length, best.candidate.length);
  return best.edits <= allowed && (best.edits < shorter || best.edits === 0)
    ? best.candidate
    : null;
};
