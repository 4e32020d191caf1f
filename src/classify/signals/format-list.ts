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

/**
 * "1,234", as `toLocaleString('en-US')` writes it. Whole numbers are grouped here: the first
 * `toLocaleString` of a process loads ICU's number formats, about 10-20 ms of CPU that a
 * `classify` run would spend on its first signal message.
 */
export const formatCount = (count: number): string =>
  Number.isSafeInteger(count)
    ? String(count).replace(/\B(?=(?:\d{3})+$)/g, ',')
    : count.toLocaleString('en-US');

/** "1 file", "3 files" */
export const plural = (count: number, noun: string): string =>
  `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
