import { createRecordSeparator, streamGitRecords } from './run-git.js';

/** One commit of a `git log` stream: the first line of its header, its message, and what follows. */
export interface GitLogRecord {
  /** What `headerFormat` printed for the commit, up to its first newline. */
  readonly header: string;
  /** The commit's raw message (`%B`), trimmed. */
  readonly message: string;
  /** What git printed after the header: the patch, or the names and statuses, as raw bytes. */
  readonly body: Buffer;
}

/**
 * `git log <options> <rev> --`, one record per commit. The format puts a separator made with a
 * random nonce before and after each commit's header and message, so the stream alternates
 * header, body, header, body whatever bytes the bodies hold.
 */
export async function* streamGitLog(
  gitDir: string,
  options: readonly string[],
  headerFormat: string,
  rev: string,
): AsyncGenerator<GitLogRecord> {
  const separator = createRecordSeparator();
  const args = [
    'log',
    ...options,
    `--format=${separator.format}${headerFormat}%n%B${separator.format}`,
    rev,
    '--',
  ];
  let header: string | null = null;
  let first = true;
  for await (const token of streamGitRecords(gitDir, args, separator.bytes)) {
    if (first) {
      first = false;
      continue;
    }
    if (header === null) {
      header = token.toString('utf8');
      continue;
    }
    const newline = header.indexOf('\n');
    yield {
      header: newline === -1 ? header : header.slice(0, newline),
      message: newline === -1 ? '' : header.slice(newline + 1).trim(),
      body: token,
    };
    header = null;
  }
}
