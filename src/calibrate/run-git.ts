import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Settings that make git's output the same on every machine: no pager, colour, textconv or quoting. */
const STABLE_CONFIG = [
  '-c',
  'core.quotepath=false',
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicprefix=false',
  '-c',
  'diff.renameLimit=2000',
  '-c',
  'log.showSignature=false',
];

/** A git command that failed: its arguments and what git said on stderr. */
export class GitError extends Error {
  override readonly name = 'GitError';
  readonly context: { readonly args: readonly string[]; readonly stderr: string };
  constructor(message: string, context: GitError['context']) {
    super(message);
    this.context = context;
  }
}

const MAX_STDERR = 4_000;

/** Starts `git --git-dir=DIR ...` with the stable settings and a clean environment for git. */
const startGit = (gitDir: string, args: readonly string[]) => {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  delete env.GIT_INDEX_FILE;
  return spawn('git', ['--git-dir', gitDir, ...STABLE_CONFIG, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
};

const failure = (args: readonly string[], code: number | null, stderr: string): GitError =>
  new GitError(`git ${args.join(' ')} failed (exit ${code ?? 'signal'}): ${stderr.trim()}`, {
    args,
    stderr,
  });

/** Runs one git command to the end and returns its stdout; rejects with a GitError when git fails. */
export const runGit = (gitDir: string, args: readonly string[]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const child = startGit(gitDir, args);
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(failure(args, code, stderr));
    });
  });

/** A record separator no output holds by chance: its bytes, and how `--format` writes them. */
export interface RecordSeparator {
  readonly bytes: Buffer;
  readonly format: string;
}

/** NUL, SOH, a random nonce and SOH again, fresh for each stream. */
export const createRecordSeparator = (): RecordSeparator => {
  const nonce = `review-router-${randomBytes(12).toString('hex')}`;
  return { bytes: Buffer.from(`\u0000\u0001${nonce}\u0001`), format: `%x00%x01${nonce}%x01` };
};

/**
 * Splits a byte stream at every occurrence of `separator`, one record at a time, without holding
 * more than the record being read; a separator cut in two by a chunk boundary is still found.
 * The bytes after the last separator are the last record.
 */
export async function* splitAtSeparator(
  source: AsyncIterable<Buffer>,
  separator: Buffer,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const data: Buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    for (let at = data.indexOf(separator, start); at !== -1; at = data.indexOf(separator, start)) {
      pending.push(data.subarray(start, at));
      yield Buffer.concat(pending);
      pending = [];
      start = at + separator.length;
    }
    // The last bytes may be the start of a separator that the next chunk completes.
    const keepFrom = Math.max(start, data.length - (separator.length - 1));
    if (keepFrom > start) pending.push(data.subarray(start, keepFrom));
    carry = data.subarray(keepFrom);
  }
  pending.push(carry);
  yield Buffer.concat(pending);
}

/**
 * Runs one git command and yields its stdout split at `separator` (see splitAtSeparator). A
 * separator should be one no output can hold by chance: a patch may hold any byte, NUL
 * included (git looks for NUL only in a file's first 8,000 bytes to call it binary).
 */
export async function* streamGitRecords(
  gitDir: string,
  args: readonly string[],
  separator: Buffer,
): AsyncGenerator<Buffer> {
  const child = startGit(gitDir, args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
  });
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  try {
    let last: Buffer | null = null;
    for await (const record of splitAtSeparator(child.stdout as AsyncIterable<Buffer>, separator)) {
      if (last !== null) yield last;
      last = record;
    }
    const code = await closed;
    if (code !== 0) throw failure(args, code, stderr);
    if (last !== null) yield last;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
