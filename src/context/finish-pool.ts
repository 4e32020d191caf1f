/** The last step of gathering code context: one item per quoted range, every text redacted. */
import { redactText } from '../secrets/redact-text.js';
import type { KnownSecret } from '../secrets/types.js';
import type { CodeReader } from './read-code.js';
import type { ContextItem } from './types.js';

/**
 * The same lines of the same file offered twice (a definition that is also a caller) count once;
 * names read from the code are redacted in labels as the code is. A value recognised in one file's
 * text (a password assigned in a test) is redacted in every other item too, where no detector
 * would see it (the same password passed to a call), as in the diff.
 */
export const finishPool = (
  items: readonly ContextItem[],
  prKnown: readonly KnownSecret[],
  head: CodeReader,
): ContextItem[] => {
  const values = new Set(prKnown.map((secret) => secret.value));
  const found = [...head.files.values()].flatMap((file) => file.found);
  const more = found.filter((secret) => !values.has(secret.value));
  const known = [...prKnown, ...more];
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const key = `${item.kind === 'file' ? 'file' : 'part'}:${item.path}:${item.startLine}:${item.text.length}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.map((item) => ({
    ...item,
    ...(more.length === 0 ? {} : { text: redactText(item.text, known).text }),
    symbol: item.symbol === null ? null : redactText(item.symbol, known).text,
    reason: redactText(item.reason, known).text,
  }));
};
