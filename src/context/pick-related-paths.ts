/** Which other files of the commit are worth reading for a changed file's definitions and callers. */
import { posix } from 'node:path';
import { isTestPath } from './find-tests.js';
import { familyOf, languageOf } from './languages.js';
import type { PathIndex } from './resolve-import.js';

/** Files of the same language in a changed file's directory: a Go or Java package shares them. */
const MAX_NEIGHBOURS = 40;

export const stemKey = (name: string): string => name.toLowerCase().replace(/[-_.]/g, '');

/** Code files by their name without extension, for names used in added lines. */
export const indexStems = (index: PathIndex, wanted: boolean): Map<string, string[]> => {
  const byStem = new Map<string, string[]>();
  if (!wanted) return byStem;
  for (const path of index.paths) {
    if (languageOf(path) === null || isTestPath(path)) continue;
    const key = stemKey(posix.basename(path).replace(/\.[^.]+$/, ''));
    const list = byStem.get(key);
    if (list === undefined) byStem.set(key, [path]);
    else if (list.length < 3) list.push(path);
  }
  return byStem;
};

/** pytest fixtures live in `conftest.py` files of the test's directory and its ancestors. */
const conftestsOf = (path: string, index: PathIndex): string[] => {
  const found: string[] = [];
  for (let directory = posix.dirname(path); ; directory = posix.dirname(directory)) {
    const conftest = directory === '.' ? 'conftest.py' : `${directory}/conftest.py`;
    if (conftest !== path && index.paths.has(conftest)) found.push(conftest);
    if (directory === '.' || directory === '/') return found;
  }
};

export const neighboursOf = (path: string, index: PathIndex): string[] => {
  const language = languageOf(path);
  if (language === null) return [];
  const family = familyOf(language);
  const conftests = language === 'python' ? conftestsOf(path, index) : [];
  const sameFamily = (index.byDirectory.get(posix.dirname(path)) ?? []).filter((other) => {
    const otherLanguage = languageOf(other);
    return (
      other !== path &&
      otherLanguage !== null &&
      familyOf(otherLanguage) === family &&
      !isTestPath(other)
    );
  });
  return [...conftests, ...sameFamily.slice(0, MAX_NEIGHBOURS)];
};
