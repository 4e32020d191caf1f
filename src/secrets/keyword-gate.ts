/**
 * Which detectors a text needs: those one of whose keywords it contains; a detector whose keywords
 * are absent costs nothing more. Where each keyword occurs is kept too, so that a detector can be
 * run on the lines that hold one instead of the whole text (`keyword-lines.ts`).
 * All keywords are found in one pass over the text: each position's
 * two characters (ASCII letters folded to lower case) are looked up in a table of the keywords'
 * first two, and only the keywords that begin so are compared there. Keywords of one character or
 * beyond ASCII are found by one alternation shaped as a trie instead. Searching for each keyword
 * on its own (`includes`) would cost one pass per absent keyword, and one alternation of all of
 * them tries every keyword's first characters at every position: both several times more.
 */
/** What the gate selects: anything with keywords, one of which each of its matches contains. */
export interface Gated {
  readonly keywords: readonly string[];
  /** Whether the keywords must occur in this case (by default they may occur in any case). */
  readonly casedKeywords?: boolean;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  end: boolean;
}

/** The keywords as a trie, written as a regular expression: shared prefixes are tried once. */
const trieSource = (node: TrieNode): string => {
  const branches = [...node.next].map(([char, child]) => escape(char) + trieSource(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
};

/** One pattern for all keywords; a match is the longest keyword at its position. */
const alternation = (keywords: Iterable<string>, flags: string): RegExp | null => {
  const root: TrieNode = { next: new Map(), end: false };
  for (const keyword of keywords) {
    let node = root;
    for (const char of keyword) {
      const child = node.next.get(char) ?? { next: new Map(), end: false };
      node.next.set(char, child);
      node = child;
    }
    node.end = true;
  }
  return root.next.size === 0 ? null : new RegExp(trieSource(root), flags);
};

/** A found keyword also stands for every keyword inside it (`accountkey=` holds `key`). */
const within = (found: string, keywords: readonly string[]): string[] =>
  keywords.filter((keyword) => found.includes(keyword));

const isAscii = (text: string): boolean => !/[^\x20-\x7e]/.test(text);

/** Each ASCII character folded to lower case, as a case-insensitive regular expression compares it. */
const FOLD = Uint8Array.from({ length: 128 }, (_, code) =>
  code >= 65 && code <= 90 ? code | 32 : code,
);
const fold = (code: number): number => (code < 128 ? (FOLD[code] ?? code) : code);

/** The index of two ASCII characters, folded. */
const pairOf = (first: number, second: number): number => (fold(first) << 7) | fold(second);

/** Whether `keyword` (lower case, ASCII) occurs at `at` in `text`, in any case. */
const occursAt = (text: string, at: number, keyword: string): boolean => {
  for (let index = 2; index < keyword.length; index += 1)
    if (fold(text.charCodeAt(at + index)) !== keyword.charCodeAt(index)) return false;
  return true;
};

/**
 * Every UTF-16 code unit folded as `FOLD` does, and every one beyond ASCII (which no keyword of the
 * pair table holds) made 0, which no keyword holds either: one lookup per character, no branch.
 */
const FOLD_ANY = (() => {
  // Filled by a loop: `Uint8Array.from` with a mapping function over 65,536 codes took 13-60 ms
  // and 7 MB of every process that loads this module.
  const table = new Uint8Array(1 << 16);
  for (let code = 0; code < 128; code += 1) table[code] = fold(code);
  return table;
})();

/**
 * Every keyword (lower case, printable ASCII, two characters or more) that occurs in `text` in
 * any case: each place it occurs is added to `positions` at the keyword's index.
 */
const pairSearch = (keywords: readonly string[]) => {
  /** The indexes of the keywords that begin with each pair. */
  const byPair: (number[] | undefined)[] = Array.from({ length: 1 << 14 }, () => undefined);
  keywords.forEach((keyword, index) => {
    const pair = pairOf(keyword.charCodeAt(0), keyword.charCodeAt(1));
    (byPair[pair] ??= []).push(index);
  });
  /**
   * Per pair: 0 where no keyword begins so (most positions stop at this one lookup), 1 where a
   * keyword of two characters does, 2 where only longer ones do, whose third character is then
   * looked up in `thirds` before any keyword is compared.
   */
  const begins = Uint8Array.from(byPair, (indexes) => {
    if (indexes === undefined) return 0;
    return indexes.some((index) => keywords[index]?.length === 2) ? 1 : 2;
  });
  /** 1 at (pair << 7 | third character) where a keyword begins with those three, folded. */
  const thirds = new Uint8Array(1 << 21);
  for (const keyword of keywords)
    if (keyword.length > 2)
      thirds[
        (pairOf(keyword.charCodeAt(0), keyword.charCodeAt(1)) << 7) | fold(keyword.charCodeAt(2))
      ] = 1;
  return (text: string, positions: (number[] | undefined)[]): void => {
    const length = text.length;
    let first = FOLD_ANY[text.charCodeAt(0)] ?? 0;
    for (let at = 0; at + 1 < length; at += 1) {
      const second = FOLD_ANY[text.charCodeAt(at + 1)] ?? 0;
      const pair = (first << 7) | second;
      first = second;
      const begin = begins[pair];
      if (begin === 0) continue;
      // Past the end, charCodeAt is NaN and looks up 0: no keyword holds it.
      if (begin === 2 && thirds[(pair << 7) | (FOLD_ANY[text.charCodeAt(at + 2)] ?? 0)] === 0)
        continue;
      for (const index of byPair[pair] ?? []) {
        const keyword = keywords[index] ?? '';
        if (at + keyword.length <= length && occursAt(text, at, keyword))
          (positions[index] ??= []).push(at);
      }
    }
  };
};

/** What the gate finds in one text. */
export interface KeywordScan<T extends Gated> {
  /** The detectors to run, in their order. */
  readonly selected: T[];
  /**
   * Where each keyword (lower case) starts, in any case, in order. A cased keyword's occurrences
   * in another case are included: they can only widen what is scanned, never narrow it.
   */
  readonly at: ReadonlyMap<string, readonly number[]>;
}

export interface KeywordGate<T extends Gated> {
  /** The detectors to run on `text`, in their order. */
  readonly select: (text: string) => T[];
  readonly scan: (text: string) => KeywordScan<T>;
}

export const keywordGate = <T extends Gated>(detectors: readonly T[]): KeywordGate<T> => {
  const cased = detectors.filter((detector) => detector.casedKeywords === true);
  const anyCase = detectors.filter((detector) => detector.casedKeywords !== true);
  const casedWords = cased.flatMap((detector) => detector.keywords);
  const anyCaseWords = anyCase.flatMap((detector) => detector.keywords.map((k) => k.toLowerCase()));
  const all = [...new Set([...casedWords.map((word) => word.toLowerCase()), ...anyCaseWords])];
  const paired = all.filter((word) => word.length >= 2 && isAscii(word));
  const search = pairSearch(paired);
  // The rest (one character, or beyond ASCII) in one pass of one alternation, in any case.
  const restWords = all.filter((word) => !paired.includes(word));
  const rest = alternation(restWords, 'gi');
  // Every keyword by its index: the paired ones first, as `search` numbers them.
  const words = [...paired, ...restWords];
  const indexOf = new Map(words.map((word, index) => [word, index]));

  const present = (text: string) => {
    const positions: (number[] | undefined)[] = Array.from(words, () => undefined);
    search(text, positions);
    if (rest !== null) {
      rest.lastIndex = 0;
      for (let match = rest.exec(text); match !== null; match = rest.exec(text)) {
        // The next search starts one character on: a keyword overlapping this match is found too.
        rest.lastIndex = match.index + 1;
        const word = match[0].toLowerCase();
        for (const inner of within(word, restWords))
          (positions[indexOf.get(inner) ?? -1] ??= []).push(match.index + word.indexOf(inner));
      }
    }
    const at = new Map<string, number[]>();
    words.forEach((word, index) => {
      const found = positions[index];
      if (found !== undefined) at.set(word, found);
    });
    // A keyword found in some case counts for a cased keyword only where the case matches too.
    const casedFound = new Set(
      casedWords.filter((word) =>
        (at.get(word.toLowerCase()) ?? []).some((position) => text.startsWith(word, position)),
      ),
    );
    return { casedFound, at };
  };

  const scan = (text: string): KeywordScan<T> => {
    const { casedFound, at } = present(text);
    const selected = detectors.filter((detector) => {
      if (detector.keywords.length === 0) return true;
      return detector.casedKeywords === true
        ? detector.keywords.some((keyword) => casedFound.has(keyword))
        : detector.keywords.some((keyword) => at.has(keyword.toLowerCase()));
    });
    return { selected, at };
  };
  return { scan, select: (text) => scan(text).selected };
};
