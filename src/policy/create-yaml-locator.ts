/** Finds where a path of a parsed policy sits in its YAML text, to cite the line. */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { PathSegment } from './types.js';

export interface YamlPosition {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/** `at: 'key'` points at the last key of the path, `'value'` at its value. */
export type YamlLocator = (path: readonly PathSegment[], at: 'key' | 'value') => YamlPosition;

interface Located {
  readonly node: unknown;
  readonly offset: number;
}

const offsetOf = (node: unknown): number | null => {
  if (typeof node !== 'object' || node === null || !('range' in node)) return null;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0] ?? null;
};

/**
 * A locator over `text`. A path that leads nowhere (a missing key) resolves to the deepest
 * node that exists, so a problem always points somewhere near its cause.
 */
export const createYamlLocator = (text: string): YamlLocator => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): YamlPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };

  // Each mapping's pairs by key, made the first time it is walked: a file with thousands of keys
  // and a problem for each would otherwise cost a scan of the mapping per problem.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        // A scalar's value is a string, a number, a boolean or null; a `null:` key is '' once
        // parsed, as the validated object and its paths have it.
        const value = item.key.value as string | number | boolean | bigint | null;
        for (const name of value === null ? ['', 'null'] : [String(value)])
          if (!index.has(name)) index.set(name, item);
      }
      indexes.set(map, index);
    }
    return index;
  };

  const step = (node: unknown, segment: PathSegment, at: 'key' | 'value'): Located | null => {
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      const pair = pairsOf(target).get(String(segment));
      if (pair === undefined) return null;
      const offset =
        at === 'key' ? offsetOf(pair.key) : (offsetOf(pair.value) ?? offsetOf(pair.key));
      return offset === null ? null : { node: pair.value, offset };
    }
    if (isSeq(target) && typeof segment === 'number') {
      const item: unknown = target.items[segment];
      const offset = offsetOf(item);
      return offset === null ? null : { node: item, offset };
    }
    return null;
  };

  return (path, at) => {
    let current: Located = { node: doc.contents, offset: offsetOf(doc.contents) ?? 0 };
    for (const [index, segment] of path.entries()) {
      const isLast = index === path.length - 1;
      const next = step(current.node, segment, isLast ? at : 'value');
      if (next === null) break;
      current = next;
    }
    return position(current.offset);
  };
};
