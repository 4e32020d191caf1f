/**
 * "1,234", as `toLocaleString('en-US')` writes it. Whole numbers are grouped here: the first
 * `toLocaleString` of a process loads ICU's number formats, 10-20 ms of CPU (22 ms measured under
 * Node 24) that would block the event loop at a process's first review or `classify` message.
 */
export const formatCount = (count: number): string =>
  Number.isSafeInteger(count)
    ? String(count).replace(/\B(?=(?:\d{3})+$)/g, ',')
    : count.toLocaleString('en-US');
