import { afterAll, describe, expect, it } from 'vitest';
import { readHistoriesBefore } from './read-histories-before.js';
import { createTestGitRepo } from './test-git-repo.js';

describe('readHistoriesBefore', () => {
  const repo = createTestGitRepo();
  afterAll(() => repo.remove());

  it('gives each commit only the history before it, fixes within the year counted', async () => {
    const commit = (message: string, date: string, files: Record<string, string | null>) =>
      repo.commit({ message, date, files });
    const first = commit('add the parser', '2024-01-01T00:00:00Z', {
      'src/parser.js': 'a\n',
      'README.md': 'x\n',
    });
    const fix = commit('fix: parser crash on empty input', '2024-02-01T00:00:00Z', {
      'src/parser.js': 'b\n',
    });
    const next = commit('feat: options', '2024-03-01T00:00:00Z', {
      'src/parser.js': 'c\n',
      'src/opt.js': 'o\n',
    });
    const late = commit('feat: more parsing', '2025-06-01T00:00:00Z', { 'src/parser.js': 'd\n' });
    const histories = await readHistoriesBefore(repo.gitDir, new Set([first, fix, next, late]));
    expect(histories.get(first)).toBeNull();
    expect(histories.get(fix)).toEqual({
      paths: [{ path: 'src/parser.js', commits: 1, recentFixes: 0 }],
    });
    expect(histories.get(next)).toEqual({
      paths: [{ path: 'src/parser.js', commits: 2, recentFixes: 1 }],
    });
    // The fix is more than a year old by then.
    expect(histories.get(late)).toEqual({
      paths: [{ path: 'src/parser.js', commits: 3, recentFixes: 0 }],
    });
  });
});
