/**
 * Which detectors a text needs: those one of whose keywords it contains; a detector whose keywords
 * are absent costs nothing more. All keywords are found in one pass over the text, one
 * alternation shaped as a trie: searching for each keyword on its own (`includes`) costs one pass
 * per absent keyword, several times more.
 */
import type { SecretDetector } from './types.js';

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

export interface KeywordGate {
  /** The detectors to run on `text`, in their order. */
  readonly select: (text: string) => SecretDetector[];
}

export const keywordGate = (detectors: readonly SecretDetector[]): KeywordGate => {
  const cased = detectors.filter((detector) => detector.casedKeywords === true);
  const anyCase = detectors.filter((detector) => detector.casedKeywords !== true);
  const casedWords = cased.flatMap((detector) => detector.keywords);
  const anyCaseWords = anyCase.flatMap((detector) => detector.keywords.map((k) => k.toLowerCase()));
  // One pass for all keywords, in any case; a cased keyword counts only where its case matches.
  const pattern = alternation(
    [...casedWords.map((word) => word.toLowerCase()), ...anyCaseWords],
    'gi',
  );

  const present = (text: string) => {
    const casedFound = new Set<string>();
    const anyCaseFound = new Set<string>();
    if (pattern === null) return { casedFound, anyCaseFound };
    const seen = new Set<string>();
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // The next search starts one character on: a keyword overlapping this match is found too.
      pattern.lastIndex = match.index + 1;
      const word = match[0];
      if (seen.has(word)) continue;
      seen.add(word);
      for (const inner of within(word, casedWords)) casedFound.add(inner);
      for (const inner of within(word.toLowerCase(), anyCaseWords)) anyCaseFound.add(inner);
    }
    return { casedFound, anyCaseFound };
  };

  return {
    select: (text) => {
      const { casedFound, anyCaseFound } = present(text);
      return detectors.filter((detector) => {
        if (detector.keywords.length === 0) return true;
        return detector.casedKeywords === true
          ? detector.keywords.some((keyword) => casedFound.has(keyword))
          : detector.keywords.some((keyword) => anyCaseFound.has(keyword.toLowerCase()));
      });
    },
  };
};
