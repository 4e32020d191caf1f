import { describe, expect, it } from 'vitest';
import type { FindingThread, GitHubActor } from '../github/types.js';
import { readThreadSignals } from './read-thread-signals.js';

const F = '1'.repeat(32);
const person: GitHubActor = { login: 'maintainer', isBot: false };
const app: GitHubActor = { login: 'review-router', isBot: true };
const marker = `Time zone dropped\n<!-- review-router:finding ${F} -->`;

const thread = (overrides: Partial<FindingThread> = {}): FindingThread => ({
  isResolved: false,
  resolvedBy: null,
  comments: [{ body: marker, author: app }],
  reactions: [],
  ...overrides,
});

describe('readThreadSignals', () => {
  it('reads a person resolving, replying and reacting to a finding', () => {
    const signals = readThreadSignals([
      thread({
        isResolved: true,
        resolvedBy: person,
        comments: [
          { body: marker, author: app },
          { body: 'Fixed, thanks', author: person },
        ],
        reactions: [
          { content: '+1', user: person },
          { content: '-1', user: { login: 'dependabot[bot]', isBot: false } },
        ],
      }),
    ]);
    expect([...(signals.get(F) ?? [])]).toEqual(['resolved', 'replied', '+1']);
  });

  it('does not count what bots or the app itself did, nor threads of other comments', () => {
    const signals = readThreadSignals([
      thread({
        isResolved: true,
        resolvedBy: app,
        comments: [
          { body: marker, author: app },
          { body: 'bump', author: { login: 'ci', isBot: true } },
        ],
        reactions: [{ content: '-1', user: null }],
      }),
      thread({ comments: [{ body: 'a person started this thread', author: person }] }),
    ]);
    expect([...signals.keys()]).toEqual([F]);
    expect([...(signals.get(F) ?? [])]).toEqual([]);
  });

  it("reads nothing from a thread a person started, though it quotes a finding's marker", () => {
    const signals = readThreadSignals([
      thread({
        isResolved: true,
        resolvedBy: person,
        comments: [{ body: `Copied: ${marker}`, author: person }],
        reactions: [{ content: '-1', user: person }],
      }),
      thread({ isResolved: true, resolvedBy: person, comments: [{ body: marker, author: null }] }),
    ]);
    expect(signals.size).toBe(0);
  });
});
