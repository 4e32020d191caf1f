/**
 * Data blocks for text the pull request's author wrote. A block opens with
 * `<<<PR DATA <fence>: <label>>>>` and closes with `<<<END PR DATA <fence>>>>`. The fence is
 * derived from a hash of everything quoted, so it is deterministic yet unknown to the author until
 * the content is final, and it never occurs in the content: text inside a block cannot close it.
 */
import { createHash } from 'node:crypto';

const FENCE_LENGTH = 16;

/**
 * The fence for a prompt that quotes `contents`. Should a candidate occur in any of them, the next
 * candidate is tried, one hex digit longer every 8 attempts.
 */
export const chooseFence = (contents: readonly string[], length: number = FENCE_LENGTH): string => {
  const digest = hashAll(contents);
  for (let attempt = 0; ; attempt += 1) {
    const candidate = createHash('sha256')
      .update(`${attempt}:${digest}`)
      .digest('hex')
      .slice(0, length + Math.floor(attempt / 8));
    if (!contents.some((content) => content.includes(candidate))) return candidate;
  }
};

/** Wraps untrusted `content` in a block; the label is quoted so it stays on its marker line. */
export const fenceData = (fence: string, label: string, content: string): string =>
  `<<<PR DATA ${fence}: ${label}>>>\n${content}\n<<<END PR DATA ${fence}>>>`;

/** A value from the pull request on one line, with quotes and control characters escaped. */
export const quoteInline = (value: string): string => JSON.stringify(value);

const hashAll = (contents: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const content of contents) {
    // Length-prefixed, so ['ab', 'c'] and ['a', 'bc'] hash differently.
    hash.update(`${content.length}:`).update(content);
  }
  return hash.digest('hex');
};
