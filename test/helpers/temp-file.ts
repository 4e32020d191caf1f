/**
 * Files a test writes for the code under test to read (a PRICES_FILE, a policy file), each in a
 * folder of its own under one temporary folder per test file, removed after the file's tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

let root: string | null = null;

const rootFolder = (): string => {
  if (root !== null) return root;
  root = mkdtempSync(join(tmpdir(), 'review-router-test-files-'));
  return root;
};

// Imported while the test file is collected, so this runs after that file's tests.
afterAll(() => {
  if (root !== null) rmSync(root, { recursive: true, force: true });
  root = null;
});

/** Writes `content` to `name` in a new folder and returns its path: a string as it is, anything else as JSON. */
export const writeTempFile = (name: string, content: unknown): string => {
  const file = join(mkdtempSync(join(rootFolder(), 'f-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
