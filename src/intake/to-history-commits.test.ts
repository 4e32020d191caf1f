import { describe, expect, it } from 'vitest';
import { toHistoryCommits, type PushEventPayload } from './to-history-commits.js';

const repository = { name: 'api', owner: { login: 'acme' }, default_branch: 'main' };
const commit = (id: string, message: string, extra: object = {}) => ({
  id,
  message,
  timestamp: '2026-03-01T12:00:00+01:00',
  added: ['src/new.ts'],
  modified: ['src/old.ts'],
  removed: ['src/gone.ts'],
  ...extra,
});
const push = (overrides: Partial<PushEventPayload> = {}): PushEventPayload => ({
  ref: 'refs/heads/main',
  repository,
  commits: [commit('a'.repeat(40), 'fix: crash on empty input')],
  ...overrides,
});

describe('toHistoryCommits', () => {
  it('keeps each commit of a default-branch push with its added and modified paths', () => {
    expect(toHistoryCommits(push())).toEqual({
      repo: 'acme/api',
      commits: [
        {
          sha: 'a'.repeat(40),
          committedAt: Date.parse('2026-03-01T11:00:00Z') / 1000,
          fix: true,
          paths: ['src/new.ts', 'src/old.ts'],
        },
      ],
    });
  });

  it.each([
    ['another branch', push({ ref: 'refs/heads/feature' })],
    ['a tag', push({ ref: 'refs/tags/v1.0.0' })],
    ['a deleted branch', push({ deleted: true, commits: [] })],
    ['no commits', push({ commits: [] })],
    [
      'only a merge commit',
      push({ commits: [commit('b'.repeat(40), 'Merge pull request #4 from x/y')] }),
    ],
    [
      'an unreadable timestamp',
      push({ commits: [commit('c'.repeat(40), 'x', { timestamp: 'soon' })] }),
    ],
  ])('ignores %s', (_name, payload) => {
    expect(toHistoryCommits(payload)).toBeNull();
  });

  it('reads a feature commit as no fix', () => {
    const commits = toHistoryCommits(push({ commits: [commit('d'.repeat(40), 'Add options')] }));
    expect(commits?.commits[0]?.fix).toBe(false);
  });
});
