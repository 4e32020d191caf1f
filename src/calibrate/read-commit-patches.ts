import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { COMMIT_INFO_FORMAT, readCommitInfo } from './list-commits.js';
import { streamGitLog } from './stream-git-log.js';
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
 * model as soon as it is read: memory holds one commit at a time.
 */
export async function* readCommitPatches(
  options: ReadCommitPatchesOptions,
): AsyncGenerator<CommitWithPatch> {
  const logOptions = [
    '--no-merges',
    '-p',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--submodule=short',
    ...(options.since === undefined ? [] : [`--since=@${Math.floor(options.since)}`]),
  ];
  for await (const record of streamGitLog(
    options.gitDir,
    logOptions,
    COMMIT_INFO_FORMAT,
    options.rev ?? 'HEAD',
  )) {
    const info = readCommitInfo(record.header);
    if (info === null) continue;
    yield {
      ...info,
      message: record.message,
      diff: parseUnifiedDiff(record.body.toString('utf8')),
      patchBytes: record.body.length,
    };
  }
}
