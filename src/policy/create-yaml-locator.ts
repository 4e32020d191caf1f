/** Finds where a path of a parsed policy sits in its YAML text, to cite the line. */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number): YamlPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };

  const step = (node: unknown, segment: PathSegment, at: 'key' | 'value'): Located | null => {
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      const pair = target.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
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
