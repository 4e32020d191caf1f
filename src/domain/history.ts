/**
 * A repository's past, as history-aware risk signals read it: which earlier commits changed the
 * paths a change touches, and how many of them were fixes. Built from the commits of the default
 * branch only (push events in the app, `git log` offline), never from the change itself.
 */

/** One commit of a repository's default branch, as the history index keeps it. */
export interface HistoryCommit {
  readonly sha: string;
  /** Unix seconds. */
  readonly committedAt: number;
  /** Whether its message says it fixes a defect (the same rule that finds fixes for calibration). */
  readonly fix: boolean;
  /** The paths it added or modified; a removal carries no history forward. */
  readonly paths: readonly string[];
}

/** What the commits before a change say about one of its paths. */
export interface PathHistory {
  readonly path: string;
  /** Earlier commits that added or modified the path. */
  readonly commits: number;
  /** Fix commits among them within `RECENT_FIX_SECONDS` before the change. */
  readonly recentFixes: number;
}

/**
 * The history before a change, for the paths it touches that have any (a path no earlier commit
 * touched is absent). A repository without history has no `ChangeHistory` at all: null.
 */
export interface ChangeHistory {
  readonly paths: readonly PathHistory[];
}

/** How far back a fix counts as recent: one year. */
export const RECENT_FIX_SECONDS = 365 * 86_400;
