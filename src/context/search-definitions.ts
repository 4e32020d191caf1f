/**
 * A bounded search for the definitions imports do not reach: the names added lines use that no
 * file read so far defines, looked for in the commit's other files of the same languages, in the
 * order `searchCandidates` ranks them. Only a file that mentions one of the names is parsed
 * (`CodeReader.parseSearched`).
 */
import { posix } from 'node:path';
import { isTestPath } from './find-tests.js';
import { familyOf, languageOf } from './languages.js';
import { namesUsedByAddedLines, type ChangedCode } from './related-items.js';
import type { PathIndex } from './resolve-import.js';

/** How many directories, from the root, `path` shares with the changed file nearest it. */
const sharedDepth = (path: string, depths: ReadonlyMap<string, number>): number => {
  for (
    let directory = posix.dirname(path);
    directory !== '.';
    directory = posix.dirname(directory)
  ) {
    const depth = depths.get(directory);
    if (depth !== undefined) return depth;
  }
  return 0;
};

/**
 * The files not yet read of the changed code's language families: source before tests (a test's
 * own definitions are mostly its fixtures), then those sharing the most directories with a
 * changed file, then by path.
 */
export const searchCandidates = (
  index: PathIndex,
  changed: readonly string[],
  read: (path: string) => boolean,
): string[] => {
  const families = new Set(
    changed.flatMap((path) => {
      const language = languageOf(path);
      return language === null ? [] : [familyOf(language)];
    }),
  );
  const depths = new Map<string, number>();
  for (const path of changed)
    for (
      let directory = posix.dirname(path);
      directory !== '.';
      directory = posix.dirname(directory)
    )
      depths.set(directory, directory.split('/').length);
  const candidates = [...index.paths].filter((path) => {
    const language = languageOf(path);
    return language !== null && families.has(familyOf(language)) && !read(path);
  });
  const keyed = candidates.map((path) => ({
    path,
    depth: sharedDepth(path, depths),
    test: isTestPath(path) ? 1 : 0,
  }));
  keyed.sort(
    (a, b) =>
      a.test - b.test || b.depth - a.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return keyed.map((entry) => entry.path);
};

/** The names the changed files' added lines use that the file using them does not define. */
export const namesAddedLinesUse = (changed: readonly ChangedCode[]): Set<string> =>
  new Set(changed.flatMap((code) => namesUsedByAddedLines(code)));
