import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../ledger/sample-entry.js';
import {
  explainCommandOutcome,
  MAX_COST_ROWS,
  renderCommandHelp,
  renderCostReply,
  renderRefusal,
} from './render-command-reply.js';

const row = (id: number, overrides: Parameters<typeof sampleEntry>[0] = {}) => ({
  ...sampleEntry(overrides),
  id,
});

describe('renderCostReply', () => {
  it('lists every attempt oldest first with the total', () => {
    const reply = renderCostReply([
      row(2, { costUsd: 0.1, startedAt: '2026-11-21T10:00:00.000Z', headSha: 'b'.repeat(40) }),
      row(1, {
        costUsd: 0.02,
        tier: 'fast',
        model: 'gpt-5.3-codex',
        outcome: 'escalated',
        startedAt: '2026-11-20T09:30:00.000Z',
      }),
    ]);
    expect(reply.split('\n')).toEqual([
      '**review-router has spent $0.12 on this pull request:** 1 review posted, 2 attempts in all.',
      '',
      '| when (UTC) | commit | tier | model | outcome | cost |',
      '| --- | --- | --- | --- | --- | ---: |',
      '| 2026-11-20 09:30 | `aaaaaaa` | fast | `gpt-5.3-codex` | escalated | $0.02 |',
      '| 2026-11-21 10:00 | `bbbbbbb` | deep | `claude-opus-4-6` | posted | $0.10 |',
    ]);
  });

  it('says so when nothing was spent, and keeps a long history short', () => {
    expect(renderCostReply([])).toBe(
      'review-router has not spent anything on this pull request yet.',
    );
    const many = Array.from({ length: MAX_COST_ROWS + 5 }, (_, index) =>
      row(index, {
        costUsd: 1,
        startedAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
      }),
    );
    const reply = renderCostReply(many);
    expect(reply).toContain(`$${MAX_COST_ROWS + 5}.00`);
    expect(reply).toContain('… and 5 earlier attempts, counted in the total.');
    expect(reply).toContain('| 2026-11-01 00:34 |');
    expect(reply).not.toContain('| 2026-11-01 00:04 |');
  });
});

describe('renderRefusal', () => {
  it('explains why a deep review needs write access', () => {
    expect(renderRefusal('review-deep', 'read')).toBe(
      'Sorry, `/review deep` needs write access to this repository (your role here: read). A deep review costs real money, so only people with write access to this repository can ask for one. A maintainer can comment `/review deep` instead; `/cost` works for everyone.',
    );
    expect(renderRefusal('review-skip', 'none')).toContain('Only people with write access');
  });
});

describe('explainCommandOutcome', () => {
  const head = 'c'.repeat(40);

  it('says nothing when a review was posted', () => {
    expect(
      explainCommandOutcome(
        [row(2, { outcome: 'posted' }), row(1, { outcome: 'escalated' })],
        head,
        null,
      ),
    ).toBeNull();
  });

  it('says the head already has its review when the job recorded nothing', () => {
    expect(explainCommandOutcome([], head, 'deep')).toContain(
      '`ccccccc` already has a deep review',
    );
  });

  it('points to the tier the head has no review on, not to the one it has', () => {
    expect(explainCommandOutcome([], head, 'deep')).toMatch(
      /or ask for the fast tier with `\/review fast`\.$/,
    );
    expect(explainCommandOutcome([], head, 'fast')).toMatch(
      /or ask for the deep tier with `\/review deep`\.$/,
    );
  });

  it('gives the reason of a skip, and the error of a failure', () => {
    expect(
      explainCommandOutcome(
        [row(1, { outcome: 'skipped', reason: 'draft pull request (skip.drafts)' })],
        head,
        null,
      ),
    ).toBe('Not reviewed: draft pull request (skip.drafts).');
    expect(
      explainCommandOutcome(
        [row(1, { outcome: 'failed', error: 'no anthropic API key' })],
        head,
        'deep',
      ),
    ).toContain('did not finish (no anthropic API key)');
  });
  it('defuses a mention a reason quotes from the policy: a scoped package path names a team', () => {
    const reply = explainCommandOutcome(
      [
        row(1, {
          outcome: 'skipped',
          reason: 'every changed file matches @acme/ui/** (skip.only_paths)',
        }),
      ],
      head,
      null,
    );
    expect(reply).toContain('acme/ui');
    expect(reply).not.toMatch(/@acme/);
  });
});

describe('renderCommandHelp', () => {
  it('lists every command', () => {
    for (const command of [
      '`/review`',
      '`/review deep`',
      '`/review fast`',
      '`/review skip`',
      '`/cost`',
    ])
      expect(renderCommandHelp()).toContain(command);
  });
});
