import picomatch from 'picomatch';

/** Tests one path against a compiled glob list. */
export type PathMatcher = (path: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = { dot: true };
const MAX_CACHED_LISTS = 1_000;

const neverMatches: PathMatcher = () => false;

/** One argument only: picomatch's second argument asks for a result object, so `paths.some(m)` would lie. */
const toPathMatcher =
  (matcher: picomatch.Matcher): PathMatcher =>
  (path) =>
    matcher(path);
const byList = new WeakMap<readonly string[], PathMatcher>();
const byKey = new Map<string, PathMatcher>();

/**
 * The matcher for a glob list, compiled once and cached: by the list's identity first (policies
 * hand the same array to every file), then by its contents, so classifying a pull request with
 * thousands of files compiles each list once.
 */
export const compileGlobs = (globs: readonly string[]): PathMatcher => {
  const cached = byList.get(globs);
  if (cached) return cached;
  const key = globs.join('\n');
  let matcher = byKey.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? neverMatches : toPathMatcher(picomatch([...globs], OPTIONS));
    if (byKey.size >= MAX_CACHED_LISTS) byKey.clear();
    byKey.set(key, matcher);
  }
  byList.set(globs, matcher);
  return matcher;
};

/** True when `path` matches at least one of `globs` (picomatch, dotfiles included). */
export const matchesAny = (path: string, globs: readonly string[]): boolean =>
  compileGlobs(globs)(path);

/** The first glob of the list that matches `path`, or null: for messages that quote the glob. */
export const findMatchingGlob = (path: string, globs: readonly string[]): string | null => {
  if (!matchesAny(path, globs)) return null;
  return globs.find((glob) => compileGlobs([glob])(path)) ?? null;
};
