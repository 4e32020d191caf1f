/**
 * The code-source port over a local git directory (a bare clone or a work tree's `.git`): one
 * `git ls-tree` for the paths and one `git cat-file --batch` per round of reads. Used by the CLI
 * and the measurement script; only the object database is read, never the work tree.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { safeRepoPath } from '../safe-repo-path.js';
import type { CodeSource } from '../types.js';

const run = promisify(execFile);

export interface GitCodeSourceOptions {
  readonly gitDir: string;
  readonly commit: string;
}

/** The first this many bytes of a blob decide whether it is text (git's own rule: no NUL). */
const BINARY_PROBE = 8_000;

export const createGitCodeSource = ({ gitDir, commit }: GitCodeSourceOptions): CodeSource => ({
  listPaths: async () => {
    const { stdout } = await run(
      'git',
      ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--name-only', commit],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    return stdout.split('\0').filter((path) => path !== '' && safeRepoPath(path) !== null);
  },
  readFiles: async (paths) => {
    const safe = paths.filter((path) => safeRepoPath(path) !== null);
    const blobs = await catFiles(
      gitDir,
      safe.map((path) => `${commit}:${path}`),
    );
    const texts = new Map<string, string>();
    safe.forEach((path, index) => {
      const blob = blobs[index];
      if (blob !== undefined && blob !== null && !blob.subarray(0, BINARY_PROBE).includes(0))
        texts.set(path, blob.toString('utf8'));
    });
    return texts;
  },
});

/** Each object's content, or null when it is missing or not a blob. */
const catFiles = (gitDir: string, objects: readonly string[]): Promise<(Buffer | null)[]> =>
  new Promise((resolve, reject) => {
    if (objects.length === 0) {
      resolve([]);
      return;
    }
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`git cat-file exited ${code}: ${stderr.trim()}`));
      else resolve(parseBatch(Buffer.concat(chunks), objects.length));
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(''));
  });

/** `<oid> <type> <size>\n<content>\n` per object, or `<name> missing\n`. */
const parseBatch = (output: Buffer, count: number): (Buffer | null)[] => {
  const results: (Buffer | null)[] = [];
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    const end = output.indexOf(10, offset);
    if (end < 0) break;
    const header = output.subarray(offset, end).toString('utf8').split(' ');
    offset = end + 1;
    if (header.length !== 3) {
      results.push(null);
      continue;
    }
    const size = Number(header[2]);
    results.push(header[1] === 'blob' ? output.subarray(offset, offset + size) : null);
    offset += size + 1;
  }
  return results;
};
