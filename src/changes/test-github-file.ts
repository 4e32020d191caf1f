import type { GitHubFile } from '../github/types.js';

/** A files-API entry with zero counts and status modified unless given. */
export const entry = (fields: Partial<GitHubFile> & Pick<GitHubFile, 'filename'>): GitHubFile => ({
  status: 'modified',
  additions: 0,
  deletions: 0,
  changes: 0,
  ...fields,
});
