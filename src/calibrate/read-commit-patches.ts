import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { COMMIT_INFO_FORMAT, readCommitInfo } from './list-commits.js';
import { createRecordSeparator, streamGitRecords } from './run-git.js';
import type { CommitWithPatch } from './types.js';

export interface ReadCommitPatchesOptions {
  readonly gitDir: string;
  readonly rev?: string;
  /** Unix seconds: only commits committed at or after this time. */
  readonly since?: number;
}

/**
 * The patch of every non-merge commit reachable from `rev`, newest first, from one `git log -p`
 * stream (renames found, no colour, no external diff or textconv), each parsed into the diff
 * model as soon as it is read: memory holds one commit at a time. The format puts a separator
 * made with a random nonce before and after each commit's header and message, so the stream
 * alternates header, patch, header, patch whatever bytes the patches hold.
 */
export async function* readCommitPatches(
  options: ReadCommitPatchesOptions,
): AsyncGenerator<CommitWithPatch> {
  const separator = createRecordSeparator();
  const args = [
    'log',
    '--no-merges',
    '-p',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--submodule=short',
    `--format=${separator.format}${COMMIT_INFO_FORMAT}%n%B${separator.format}`,
    ...(options.since === undefined ? [] : [`--since=@${Math.floor(options.since)}`]),
    options.rev ?? 'HEAD',
    '--',
  ];
  let header: string | null = null;
  let first = true;
  for await (const token of streamGitRecords(options.gitDir, args, separator.bytes)) {
    if (first) {
      first = false;
      continue;
    }
    if (header === null) {
      header = token.toString('utf8');
      continue;
    }
    const newline = header.indexOf('\n');
    const info = readCommitInfo(newline === -1 ? header : header.slice(0, newline));
    const message = newline === -1 ? '' : header.slice(newline + 1).trim();
    header = null;
    if (info === null) continue;
    yield {
      ...info,
      message,
      diff: parseUnifiedDiff(token.toString('utf8')),
      patchBytes: token.length,
    };
  }
}
