/**
 * Fix commits found by their message, as SZZ does: a fix keyword in the subject (fix, fixes,
 * fixed, bug, bugfix, hotfix, defect, regression, crash), a conventional `fix:` / `fix(scope):`
 * prefix, or a "Fixes #123" line in the body. A fix of something that is not behaviour (typos,
 * docs, lint, formatting, tests, CI, the build, typings) is not a fix: blaming it would label
 * whoever wrote the comment or the test as bug-inducing.
 */
const FIX_WORDS =
  /\b(?:fix(?:e[sd]|ing)?|bug(?:s|fix(?:es)?)?|hotfix(?:es)?|defects?|regressions?|crash(?:es|ed)?)\b/i;
const CONVENTIONAL_FIX = /^(?:fix|bugfix|hotfix)(?:\([^)]*\))?!?:/i;
const CONVENTIONAL_OTHER =
  /^(?:docs?|chore|style|test|tests|ci|build|refactor|perf|feat|revert|release)(?:\([^)]*\))?!?:/i;
/** Words that say the fix was not to behaviour, wherever they stand in the subject. */
const NOT_BEHAVIOUR =
  /\b(?:typos?|spelling|misspell\w*|grammar|readme|changelog|documentation|lint(?:ing|er)?|eslint|flake8|pylint|golint|prettier|whitespace|indentation|typings?)\b/i;
/** What a fix is to, when it is named within three words of the fix word: "fix the docs". */
const NOT_BEHAVIOUR_OBJECT =
  /\bfix(?:e[sd]|ing)?\s+(?:\S+\s+){0,2}?(?:docs?|comments?|tests?|specs?|ci|travis|appveyor|workflows?|build|deps|dependenc(?:y|ies)|links?|formatting|style)\b/i;

/** A conventional-commit scope that is not behaviour: `fix(ci): ...`, `fix(docs): ...`. */
const NOT_BEHAVIOUR_SCOPE =
  /^\w+\((?:ci|docs?|tests?|build|deps(?:-dev)?|lint|typings|types|release)\)/i;

/** "Fixes #123" or "fixed owner/repo#123" on a line of its own in the body. */
const FIXES_ISSUE = /^\s*fix(?:e[sd])?\s*:?\s+(?:[\w.-]+\/[\w.-]+)?#\d+/im;

/** The subject: a message's first line. */
export const subjectOf = (message: string): string => message.split('\n', 1)[0]?.trim() ?? '';

export const isFixMessage = (message: string): boolean => {
  const subject = subjectOf(message);
  if ([NOT_BEHAVIOUR, NOT_BEHAVIOUR_OBJECT, NOT_BEHAVIOUR_SCOPE].some((re) => re.test(subject))) {
    return false;
  }
  if (CONVENTIONAL_FIX.test(subject)) return true;
  if (CONVENTIONAL_OTHER.test(subject) || /^(?:Revert|Merge)\b/.test(subject)) return false;
  return FIX_WORDS.test(subject) || FIXES_ISSUE.test(message.slice(subject.length));
};

const REVERTS = /\bThis reverts commit ([0-9a-f]{7,64})\b/g;

/** The commits a `git revert` message names ("This reverts commit <sha>."), full or abbreviated. */
export const readRevertedShas = (message: string): string[] =>
  [...message.matchAll(REVERTS)].map((match) => match[1] ?? '').filter((sha) => sha !== '');
