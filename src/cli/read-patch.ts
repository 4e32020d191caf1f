/**
 * A patch file given to `classify`, parsed and checked: it must hold at least one file of a
 * unified diff, and every file once, so that the counts are what `git diff` of the change gives.
 */
import { MAIL_START, parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { hunkSource, type HunkSource } from '../changes/parse-hunks.js';
import type { Latin1Patch } from '../changes/patch-lines.js';
import type { DiffModel, FileChange } from '../domain/diff.js';
import { CliError } from './cli-io.js';

/** `commit <sha>` opens each commit of `git log -p` and `git show`. */
const LOG_START = /^commit ([0-9a-f]{40})(?: .*)?$/;
const ZERO_SHA = /^0+$/;

interface Commit {
  readonly sha: string;
  /** Where its text starts. */
  readonly offset: number;
}

interface Commits {
  readonly kind: 'mail' | 'log';
  readonly list: readonly Commit[];
}

/** The commits a patch holds, in the order it lists them; none for a bare diff. */
const findCommits = (text: string): Commits => {
  const mails: Commit[] = [];
  const logs: Commit[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('From ')) {
      const sha = MAIL_START.exec(line)?.[1];
      if (sha !== undefined) mails.push({ sha, offset });
    } else if (line.startsWith('commit ')) {
      const sha = LOG_START.exec(line)?.[1];
      if (sha !== undefined) logs.push({ sha, offset });
    }
    offset += raw.length + 1;
  }
  return mails.length >= logs.length ? { kind: 'mail', list: mails } : { kind: 'log', list: logs };
};

const describeInput = (file: string): string => (file === '-' ? 'standard input' : file);

const short = (sha: string): string => sha.slice(0, 12);

/**
 * The range `git diff` would take to show these commits as one change: a series of mails lists
 * the oldest commit first, `git log -p` the newest.
 */
const rangeOf = (commits: Commits): string => {
  const first = commits.list[0]?.sha ?? '';
  const last = commits.list.at(-1)?.sha ?? '';
  const [oldest, newest] = commits.kind === 'mail' ? [first, last] : [last, first];
  if (ZERO_SHA.test(oldest) || ZERO_SHA.test(newest)) return 'OLDEST^..NEWEST';
  return `${short(oldest)}^..${short(newest)}`;
};

/**
 * The paths a file change touches: its path, and for a rename the path it left (a copy leaves
 * its source as it was).
 */
const touchedPaths = (file: FileChange): string[] =>
  file.status === 'renamed' && file.previousPath !== null
    ? [file.path, file.previousPath]
    : [file.path];

/** Invalid UTF-8 becomes U+FFFD without changing line counts. */
const textOf = (patch: string | Uint8Array | Latin1Patch): string => {
  if (typeof patch === 'string') return patch;
  const bytes = patch instanceof Uint8Array ? patch : Buffer.from(patch.latin1, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
};

const touchesAPathTwice = (diff: DiffModel): boolean => {
  const seen = new Set<string>();
  for (const path of diff.files.flatMap(touchedPaths)) {
    if (seen.has(path)) return true;
    seen.add(path);
  }
  return false;
};

/** The first path that two commits of the patch both change, with the commits' positions. */
const findSharedPath = (
  text: string,
  commits: Commits,
): { path: string; commits: number[] } | null => {
  const changedBy = new Map<string, number[]>();
  for (const [index, commit] of commits.list.entries()) {
    const end = commits.list[index + 1]?.offset ?? text.length;
    const paths = new Set(
      parseUnifiedDiff(text.slice(commit.offset, end)).files.flatMap(touchedPaths),
    );
    for (const path of paths) changedBy.set(path, [...(changedBy.get(path) ?? []), index]);
  }
  for (const [path, indexes] of changedBy) {
    if (indexes.length > 1) return { path, commits: indexes };
  }
  return null;
};

const notADiff = (file: string, text: string): CliError => {
  const name = describeInput(file);
  if (text.trim() === '') return new CliError(`${name} is empty: there is no diff to classify`);
  if (/^diff --(?:cc|combined) /m.test(text)) {
    return new CliError(
      `${name} holds only a combined diff of a merge commit (diff --cc), which classify does not read: give the merge's change against its first parent instead, such as git diff MERGE^1 MERGE`,
    );
  }
  // Windows PowerShell's `>` writes UTF-16: every character of the diff is followed by a zero.
  if (/d\0i\0f\0f\0 \0|\0d\0i\0f\0f\0 |-\0-\0-\0 \0/.test(text)) {
    return new CliError(
      `${name} is a diff saved as UTF-16 (Windows PowerShell's > writes that): save it as UTF-8, for example with git diff --output=change.patch, or | Out-File -Encoding utf8`,
    );
  }
  const commits = findCommits(text);
  if (commits.list.length > 0) {
    return new CliError(
      `${name} holds ${commits.list.length === 1 ? 'a commit' : 'commits'} but no file changes (an empty commit, or a merge): there is nothing to classify`,
    );
  }
  return new CliError(
    `${name} is not a unified diff (no 'diff --git' or '---'/'+++' file header): give the output of git diff, git show or git format-patch`,
  );
};

/** The first hunk with fewer lines than its header counts, with its file. */
const findShortHunk = (diff: DiffModel): { file: FileChange; source: HunkSource } | null => {
  for (const file of diff.files) {
    for (const hunk of file.hunks) {
      const source = hunkSource(hunk);
      if (source?.short === true) return { file, source };
    }
  }
  return null;
};

const shortHunk = (
  file: string,
  { file: change, source }: { file: FileChange; source: HunkSource },
) => {
  const { oldStart, oldLines, newStart, newLines } = source.range;
  return new CliError(
    `${describeInput(file)} line ${source.first}: the hunk @@ -${oldStart},${oldLines} +${newStart},${newLines} @@ of ${change.path} ends after ${source.lines} of its lines: the patch is cut short, or is not a plain unified diff (git diff --word-diff or --color-words output cannot be classified). To resolve, give the whole output of git diff, git show or git format-patch`,
  );
};

/**
 * Parses a patch for `classify`. Refuses, with exit 2, input that holds no file of a diff (an
 * empty file, text, an image), a hunk with fewer lines than its header counts (a cut patch,
 * `--word-diff` output) and a series of commits that change one file more than once:
 * adding up each commit's lines is not what `git diff` of the range counts when a later commit
 * changes or undoes an earlier one's lines. A file's patch is best given as its bytes, which
 * take less memory than its text, or as those bytes read as Latin-1 text, held once.
 */
export const readPatch = (file: string, patch: string | Uint8Array | Latin1Patch): DiffModel => {
  const diff = parseUnifiedDiff(patch);
  if (diff.files.length === 0) throw notADiff(file, textOf(patch));
  const cut = findShortHunk(diff);
  if (cut !== null) throw shortHunk(file, cut);
  // The commits of a series can share a file only if the whole patch names one path twice:
  // without that, there is nothing to look for commit by commit (which parses the text again).
  if (!touchesAPathTwice(diff)) return diff;
  const text = textOf(patch);
  const name = describeInput(file);
  const commits = findCommits(text);
  // A rename in one commit and an edit in another change one file under two names.
  const shared = commits.list.length > 1 ? findSharedPath(text, commits) : null;
  if (shared !== null) {
    const which = shared.commits.map((index) => short(commits.list[index]?.sha ?? '')).join(', ');
    throw new CliError(
      `${name} holds ${commits.list.length} commits, and ${shared.commits.length} of them change ${shared.path} (${which}): their lines cannot be added up to what the whole change does to it. To resolve, classify the range as one diff: git diff ${rangeOf(commits)} > change.patch`,
    );
  }
  const seen = new Set<string>();
  const repeated = diff.files.find((change) => seen.size === seen.add(change.path).size);
  if (repeated !== undefined) {
    throw new CliError(
      `${name} lists ${repeated.path} more than once: it holds several diffs one after another. To resolve, classify one git diff of the whole change`,
    );
  }
  return diff;
};
