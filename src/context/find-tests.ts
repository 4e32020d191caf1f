/** Which files of the commit test a given source file, by the naming conventions of each ecosystem. */
import { posix } from 'node:path';

const TEST_PATH =
  /(^|\/)(tests?|__tests__|spec)\/|\.(test|spec)\.[^./]+$|_test\.(go|py)$|(^|\/)test_[^/]+\.py$|Tests?\.java$/;

export const isTestPath = (path: string): boolean => TEST_PATH.test(path);

/** A file's name without its extension and without test markers: `a.test.ts` -> `a`. */
const stemOf = (path: string): string =>
  posix
    .basename(path)
    .replace(/\.[^.]+$/, '')
    .replace(/\.(test|spec)$/, '')
    .replace(/_test$/, '')
    .replace(/^test_/, '')
    .replace(/Tests?$/, '')
    .toLowerCase();

/** Test files by the stem of what they test. */
export const indexTests = (paths: readonly string[]): ReadonlyMap<string, readonly string[]> => {
  const byStem = new Map<string, string[]>();
  for (const path of paths) {
    if (!isTestPath(path)) continue;
    const stem = stemOf(path);
    const list = byStem.get(stem);
    if (list === undefined) byStem.set(stem, [path]);
    else list.push(path);
  }
  return byStem;
};

/** The tests of `path`, those nearest to it first. */
/** Documentation and data files have no tests of their own. */
const NOT_CODE =
  /\.(md|mdx|markdown|rst|txt|json|ya?ml|toml|lock|csv|svg|png|jpe?g|gif|html?|css)$/i;

export const testsOf = (path: string, tests: ReadonlyMap<string, readonly string[]>): string[] => {
  if (isTestPath(path) || NOT_CODE.test(path)) return [];
  const found = tests.get(stemOf(path)) ?? [];
  const directory = posix.dirname(path);
  return [...found].sort(
    (a, b) => distance(directory, posix.dirname(a)) - distance(directory, posix.dirname(b)),
  );
};

/** How many directory steps apart two directories are. */
const distance = (a: string, b: string): number => {
  const left = a.split('/');
  const right = b.split('/');
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared += 1;
  return left.length + right.length - 2 * shared;
};
