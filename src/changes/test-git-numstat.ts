/**
 * Test helper: git's own counts, to hold the parser to. `git diff --numstat -z` and
 * `git apply --numstat -z` print `A\tD\tpath\0`, or `A\tD\t\0old\0new\0` for a rename or copy,
 * with `-` for a binary file's counts.
 */
import { execFileSync } from 'node:child_process';
import { devNull } from 'node:os';
import type { DiffModel, FileChange, FileStatus } from '../domain/diff.js';
import { hasBinaryExtension } from './binary-paths.js';
import type { ListedFile } from './types.js';

export interface NumstatRecord {
  readonly path: string;
  readonly previousPath: string | null;
  /** null for a binary file. */
  readonly additions: number | null;
  readonly deletions: number | null;
}

/** Runs git in `cwd` with no user or system configuration, fixed dates and no CRLF conversion. */
export const runGitIn = (cwd: string, args: readonly string[], input?: string | Buffer): Buffer =>
  execFileSync(
    'git',
    [
      '-c',
      'core.autocrlf=false',
      '-c',
      'core.quotepath=true',
      '-c',
      'diff.renameLimit=5000',
      ...args,
    ],
    {
      cwd,
      input,
      stdio: 'pipe',
      maxBuffer: 1024 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: devNull,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    },
  );

export const parseNumstatZ = (output: Buffer): NumstatRecord[] => {
  const tokens = output.toString('utf8').split('\0');
  const records: NumstatRecord[] = [];
  const count = (value: string | undefined) => (value === '-' ? null : Number(value));
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (token.trim() === '') continue;
    const [added, deleted, ...rest] = token.replace(/^\n/, '').split('\t');
    const path = rest.join('\t');
    if (path === '') {
      records.push({
        path: tokens[i + 2] ?? '',
        previousPath: tokens[i + 1] ?? '',
        additions: count(added),
        deletions: count(deleted),
      });
      i += 2;
    } else {
      records.push({
        path: path ?? '',
        previousPath: null,
        additions: count(added),
        deletions: count(deleted),
      });
    }
  }
  return records;
};

/** The model's files in numstat's terms, to compare with `toEqual`. */
export const asNumstat = (model: DiffModel): NumstatRecord[] =>
  model.files.map((file) => ({
    path: file.path,
    previousPath: file.previousPath,
    additions: file.binary ? null : file.additions,
    deletions: file.binary ? null : file.deletions,
  }));

/**
 * What `git diff --numstat` says, in the terms a patch's text can support. A binary file that
 * is renamed or copied without a change, or whose mode alone changes, has no line in its patch
 * that says it is binary: `git diff --numstat` (which reads the blobs) prints `-`, `git apply
 * --numstat` (which reads the patch) prints 0 and 0. The parser calls such a file binary when
 * its extension is one of a binary file (png, pdf, zip, ...), which must then agree with git's
 * `-`; for any other such file, and only for it, `-` is taken to mean 0 and 0.
 */
export const expectedFromPatch = (
  records: readonly NumstatRecord[],
  model: DiffModel,
): NumstatRecord[] =>
  records.map((record, index) => {
    const file = model.files[index];
    const textless =
      file !== undefined && !file.binary && file.hunks.length === 0 && file.path === record.path;
    return textless && record.additions === null
      ? { ...record, additions: 0, deletions: 0 }
      : record;
  });

/** `git apply --numstat` names a renamed file by its new path only. */
export const asApplyNumstat = (model: DiffModel): [string, number | null, number | null][] =>
  model.files.map((file) => [
    file.path,
    file.binary ? null : file.additions,
    file.binary ? null : file.deletions,
  ]);

/**
 * What `git apply --numstat` says, in the model's terms: git writes a type change (a symlink
 * that became a file) as a deletion and a creation of the same path, which `git apply` counts
 * as two files and `git diff --numstat` as one. Where the model has one file and apply two
 * records of that path that add up to it, they are read as one. And `git apply` reads a binary
 * file renamed, copied or given a mode without a change as 0 and 0, having no line that says
 * binary; where the model calls it binary by its extension, apply's 0 and 0 are read as `-`.
 */
export const expectedFromApply = (
  records: readonly NumstatRecord[],
  model: DiffModel,
): [string, number | null, number | null][] => {
  const rows = applyRecords(records);
  const merged: [string, number | null, number | null][] = [];
  let index = 0;
  for (const file of model.files) {
    const [first, second] = [rows[index], rows[index + 1]];
    const pair =
      first !== undefined &&
      second !== undefined &&
      first[0] === file.path &&
      second[0] === file.path &&
      !file.binary &&
      (first[1] ?? 0) + (second[1] ?? 0) === file.additions &&
      (first[2] ?? 0) + (second[2] ?? 0) === file.deletions &&
      (first[1] !== file.additions || first[2] !== file.deletions);
    if (pair) {
      merged.push([file.path, file.additions, file.deletions]);
      index += 2;
    } else if (first !== undefined) {
      merged.push(isBinaryByName(file, first) ? [first[0], null, null] : first);
      index += 1;
    }
  }
  return [...merged, ...rows.slice(index)];
};

/** A file the parser calls binary by its extension alone, where `git apply` counts 0 and 0. */
const isBinaryByName = (
  file: FileChange,
  [path, additions, deletions]: [string, number | null, number | null],
): boolean =>
  file.binary &&
  file.hunks.length === 0 &&
  path === file.path &&
  additions === 0 &&
  deletions === 0 &&
  (hasBinaryExtension(file.path) ||
    (file.previousPath !== null && hasBinaryExtension(file.previousPath)));

export const applyRecords = (
  records: readonly NumstatRecord[],
): [string, number | null, number | null][] =>
  records.map((record) => [record.path, record.additions, record.deletions]);

const STATUS_LETTERS: Readonly<Record<string, FileStatus>> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  T: 'modified',
  R: 'renamed',
  C: 'copied',
};

/** `git diff --name-status -z`: `M\0path\0` or `R090\0old\0new\0`. */
export const parseNameStatusZ = (output: Buffer): FileStatus[] => {
  const tokens = output.toString('utf8').split('\0');
  const statuses: FileStatus[] = [];
  for (let i = 0; i < tokens.length && tokens[i] !== ''; i += 2) {
    const letter = (tokens[i] ?? '').charAt(0);
    statuses.push(STATUS_LETTERS[letter] ?? 'modified');
    if (letter === 'R' || letter === 'C') i += 1;
  }
  return statuses;
};

/**
 * The files-API entries GitHub would list for a `git diff`, built without our parser: one per
 * `diff --git` section, its hunks from the first `@@` as `patch`, counts from numstat.
 */
export const toListedFiles = (
  diffText: string,
  numstat: readonly NumstatRecord[],
  statuses: readonly FileStatus[],
): ListedFile[] =>
  diffText
    .split(/^(?=diff --git )/m)
    .filter((section) => section.startsWith('diff --git '))
    .map((section, index) => {
      const record = numstat[index];
      const hunksAt = section.indexOf('\n@@ ');
      const binary = record?.additions === null;
      return {
        filename: record?.path ?? '',
        previous_filename: record?.previousPath ?? undefined,
        status: statuses[index] ?? 'modified',
        additions: record?.additions ?? 0,
        deletions: record?.deletions ?? 0,
        changes: (record?.additions ?? 0) + (record?.deletions ?? 0),
        patch: hunksAt === -1 || binary ? undefined : section.slice(hunksAt + 1).replace(/\n$/, ''),
      };
    });
