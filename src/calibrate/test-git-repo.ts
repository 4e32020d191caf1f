/** A throwaway git repository for tests: commits with chosen dates, files and messages. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestGitRepo {
  readonly dir: string;
  readonly gitDir: string;
  /** Writes the files (null deletes one), commits them at `date` and returns the sha. */
  commit(options: {
    readonly files: Readonly<Record<string, string | null>>;
    readonly message: string;
    readonly date: string;
    readonly author?: string;
  }): string;
  git(args: readonly string[]): string;
  remove(): void;
}

export const createTestGitRepo = (
  options: { objectFormat?: 'sha1' | 'sha256' } = {},
): TestGitRepo => {
  const dir = mkdtempSync(join(tmpdir(), 'review-router-calibrate-test-'));
  const git = (args: readonly string[], env: Record<string, string> = {}): string =>
    execFileSync('git', ['-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1', ...env },
    }).toString('utf8');
  git([
    '-c',
    'init.defaultBranch=main',
    'init',
    '-q',
    `--object-format=${options.objectFormat ?? 'sha1'}`,
    '.',
  ]);
  return {
    dir,
    gitDir: join(dir, '.git'),
    git: (args) => git(args),
    commit: ({ files, message, date, author = 'dev@example.com' }) => {
      for (const [path, content] of Object.entries(files)) {
        const file = join(dir, path);
        if (content === null) {
          rmSync(file, { force: true });
        } else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message], {
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: author,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: author,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return git(['rev-parse', 'HEAD']).trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** `count` lines `prefix 1` ... `prefix count`, each ending in a newline. */
export const numberedLines = (prefix: string, count: number, from = 1): string =>
  Array.from({ length: count }, (_, index) => `${prefix} ${from + index};\n`).join('');
