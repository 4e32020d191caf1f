/** The value at a path inside parsed data; undefined when any step is missing. */
import type { PathSegment } from './types.js';

export const readPath = (input: unknown, path: readonly PathSegment[]): unknown => {
  let current = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
};
