/** Data of the changes stage. The diff model itself lives in `domain/diff.ts`. */
import type { Hunk } from '../domain/diff.js';

/**
 * The fields of one `GET /repos/{o}/{r}/pulls/{n}/files` entry that this stage reads. It is
 * the GitHub port's `GitHubFile`, restated structurally because a pure stage imports only
 * `domain/`: a `GitHubFile[]` can be passed wherever a `ListedFile[]` is expected.
 */
export interface ListedFile {
  readonly filename: string;
  readonly previous_filename?: string | undefined;
  /** added | removed | modified | renamed | copied | changed | unchanged; anything else reads as modified. */
  readonly status: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changes: number;
  /** Only the hunks, from the first `@@`; GitHub omits it for large and binary files. */
  readonly patch?: string | undefined;
}

export interface FromGitHubFilesOptions {
  /** True when GitHub stopped listing at its 3,000-file limit. */
  readonly truncated: boolean;
}

/** The lines of one file an inline review comment may sit on, by side. */
export interface CommentableLines {
  /** New-file numbers of added and context lines. */
  readonly right: ReadonlySet<number>;
  /** Old-file numbers of deleted and context lines. */
  readonly left: ReadonlySet<number>;
}

/**
 * A hunk read from a list of patch lines, the index of the first line after it, and the lines
 * it adds and deletes (counted without making its lines).
 */
export interface ReadHunk {
  readonly hunk: Hunk;
  readonly next: number;
  readonly additions: number;
  readonly deletions: number;
}
