/**
 * A code source remembered per commit: a commit never changes, so the tree and each file are read
 * once however many reviews (a retry, the escalated review, a command) ask for them.
 */
import { LRUCache } from 'lru-cache';
import type { CodeSource } from './types.js';

export interface CodeCache {
  readonly trees: LRUCache<string, readonly string[]>;
  readonly files: LRUCache<string, { readonly text: string | null }>;
}

/** Sized by characters: about 64 MB of source text across every repository the process serves. */
export const createCodeCache = (maxChars = 32_000_000): CodeCache => ({
  trees: new LRUCache({ max: 64 }),
  files: new LRUCache({
    maxSize: maxChars,
    sizeCalculation: (entry) => Math.max(1, entry.text?.length ?? 1),
  }),
});

/** `key` names the repository and commit, e.g. `owner/name@sha`. */
export const cacheCodeSource = (source: CodeSource, key: string, cache: CodeCache): CodeSource => ({
  listPaths: async () => {
    const cached = cache.trees.get(key);
    if (cached !== undefined) return cached;
    const paths = await source.listPaths();
    cache.trees.set(key, paths);
    return paths;
  },
  readFiles: async (paths) => {
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const path of paths) {
      const entry = cache.files.get(`${key}:${path}`);
      if (entry === undefined) missing.push(path);
      else if (entry.text !== null) texts.set(path, entry.text);
    }
    if (missing.length > 0) {
      const read = await source.readFiles(missing);
      for (const path of missing) {
        const text = read.get(path) ?? null;
        cache.files.set(`${key}:${path}`, { text });
        if (text !== null) texts.set(path, text);
      }
    }
    return texts;
  },
});
