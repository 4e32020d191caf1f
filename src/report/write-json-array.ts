/**
 * Writes a JSON array one item at a time, as `JSON.stringify(items, null, 2)` would print it
 * (`[]` for none), so a million rows never sit in memory as one array or one string.
 */

/** Items per write: few enough to stay small, enough that writes are not per row. */
const BATCH = 100;

const indent = (item: unknown): string =>
  `  ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`;

/**
 * `out` receives text without a trailing newline, as the CLI's writer expects; a promise it returns
 * (the reader has taken the text) is awaited before the next batch. Returns the count.
 */
export const writeJsonArray = async (
  items: AsyncIterable<unknown>,
  out: (text: string) => void | Promise<void>,
): Promise<number> => {
  let count = 0;
  let batch: string[] = [];
  for await (const item of items) {
    // Every item but the last ends with a comma: the previous one gets it when the next arrives.
    if (count === 0) batch.push('[');
    else batch[batch.length - 1] += ',';
    batch.push(indent(item));
    count += 1;
    if (batch.length >= BATCH) {
      const last = batch.pop() ?? '';
      await out(batch.join('\n'));
      batch = [last];
    }
  }
  if (count === 0) await out('[]');
  else await out([...batch, ']'].join('\n'));
  return count;
};
