/** Whether a text mentions a name: files searched for definitions are parsed only if they do. */

/** Runs of identifier characters: a text is looked through for names as whole words. */
const WORD = /[A-Za-z0-9_$]+/g;

/** Whether `text` has one of `names` as a whole word. */
export const mentionsAny = (text: string, names: ReadonlySet<string>): boolean => {
  if (names.size === 0) return false;
  for (const match of text.matchAll(WORD)) if (names.has(match[0])) return true;
  return false;
};
