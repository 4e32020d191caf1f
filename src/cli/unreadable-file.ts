import { CliError } from './cli-io.js';

/** What the system said of a file the CLI could not read, and what to do about it. */
export const unreadableFile = (file: string, error: unknown, resolve: string): CliError => {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? ' (no such file)'
      : code === 'EISDIR'
        ? ' (a directory)'
        : code === 'EACCES'
          ? ' (permission denied)'
          : '';
  return new CliError(
    `cannot read ${file}: ${code ?? String(error)}${why}. To resolve, ${resolve}.`,
  );
};

export const RESOLVE_POLICY_FILE =
  'give the path of a policy file (a repository keeps its own at .github/review-router.yml on its default branch)';
export const RESOLVE_PATCH_FILE =
  'give the path of a unified diff (`git diff > change.patch`), or - to read it from standard input';
