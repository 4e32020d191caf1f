import type { PolicyFileSource } from '../github/types.js';

/** A file named by an `_extends` that could not be read: its settings do not apply. */
export interface UnreadExtends {
  /** `owner/repo:path` of the file whose `_extends` names it. */
  readonly from: string;
  /** `owner/repo:path` of the file it names. */
  readonly named: string;
}

const nameOf = (file: PolicyFileSource): string => `${file.owner}/${file.repo}:${file.path}`;

/**
 * The file an `_extends` named and GitHub did not give, from the files the config loader read
 * (the repository's own first, then the org's `.github` when the repository has none, then each
 * `_extends` in turn). The loader stops at the first file it cannot read, so there is at most
 * one. A repository without a file, or an org without a `.github` file, is not one: nothing named
 * them.
 */
export const findUnreadExtends = (files: readonly PolicyFileSource[]): UnreadExtends | null => {
  const last = files.at(-1);
  if (last === undefined || last.config !== null || files.length < 2) return null;
  const firstReached = files[0]?.config === null ? 2 : 1;
  if (files.length - 1 < firstReached) return null;
  const from = files.at(-2);
  return from === undefined ? null : { from: nameOf(from), named: nameOf(last) };
};

/** The check run's line about it: the settings that were meant to apply and do not. */
export const describeUnreadExtends = (unread: UnreadExtends): string =>
  `**Policy:** the \`_extends\` of \`${unread.from}\` names \`${unread.named}\`, which could not ` +
  'be read: the file does not exist, or the app is not installed on that repository (GitHub ' +
  'answers 404 to both). Its settings do not apply; this review used the layers above it over ' +
  'the defaults.';
