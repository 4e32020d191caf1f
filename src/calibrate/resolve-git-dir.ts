import { execFile } from 'node:child_process';

/**
 * The git directory of `path`, which may be a work tree (or any folder in one), a `.git`
 * directory or a bare repository; null when git finds no repository there.
 */
export const resolveGitDir = (path: string): Promise<string | null> =>
  new Promise((resolve) => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.GIT_DIR;
    delete env.GIT_WORK_TREE;
    execFile('git', ['-C', path, 'rev-parse', '--absolute-git-dir'], { env }, (error, stdout) => {
      resolve(error === null ? stdout.trim() : null);
    });
  });
