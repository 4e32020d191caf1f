import { formatCount } from '../../domain/format-count.js';

/** "a, b and c"; with more than `max` items, "a, b, c and 4 more". */
export const formatList = (items: readonly string[], max = 3): string => {
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
};

/** The directory of a path with a trailing slash ("src/auth/"), or the path itself at the root. */
export const directoryOf = (path: string): string => {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(0, slash + 1);
};

/** "1 file", "3 files" */
export const plural = (count: number, noun: string): string =>
  `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
