import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import {
  prFile,
  pullRequestEvent,
  pullRequestObject,
  pushEvent,
  type PushCommitOptions,
} from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const HEAD = 'c0ffee'.padEnd(40, '0');
const PATH = 'src/utils/format-date.ts';

const PATCH = [
  '@@ -1,3 +1,7 @@',
  ' export const formatDate = (date: Date): string => {',
  '-  return date.toISOString();',
  '+  if (Number.isNaN(date.getTime())) {',
  "+    throw new RangeError('invalid date');",
  '+  }',
  '+  const iso = date.toISOString();',
  '+  return iso.slice(0, 10);',
  ' };',
].join('\n');

const sha = (n: number): string => n.toString(16).padStart(40, 'a');

const MAIN_COMMITS: PushCommitOptions[] = [
  { id: sha(1), message: 'Add date formatting', timestamp: '2026-01-10T09:00:00Z', added: [PATH] },
  {
    id: sha(2),
    message: 'fix: dates off by one day near midnight',
    timestamp: '2026-04-02T09:00:00Z',
    modified: [PATH, 'README.md'],
  },
  {
    id: sha(3),
    message: 'Fix crash on invalid dates\n\nFixes #12',
    timestamp: '2026-09-30T09:00:00+02:00',
    modified: [PATH],
  },
];

/** Three more fixes to the same file: five in the year before the pull request. */
const MORE_FIXES: PushCommitOptions[] = [4, 5, 6].map((n) => ({
  id: sha(n),
  message: `fix: date edge case ${n}`,
  timestamp: `2026-10-0${n}T09:00:00Z`,
  modified: [PATH],
}));

let app: TestApp;

useTestApp(
  () => ({ now: () => NOW }),
  (started) => {
    app = started;
  },
);

const push = (id: string, event: ReturnType<typeof pushEvent>) =>
  app.probot.receive({ id, name: 'push', payload: event as never });

describe('history index from push events', () => {
  it('records pushes to the default branch without a GitHub call, and ignores other branches', async () => {
    await push('push-main', pushEvent('refs/heads/main', MAIN_COMMITS));
    await push(
      'push-feature',
      pushEvent('refs/heads/feature', [
        { id: sha(9), message: 'fix: wip', timestamp: '2026-10-01T00:00:00Z', modified: [PATH] },
      ]),
    );
    // A redelivery records nothing twice.
    await push('push-main', pushEvent('refs/heads/main', MAIN_COMMITS));

    expect(await app.ledger.historyOf('acme/api', [PATH, 'README.md', 'src/new.ts'], NOW)).toEqual({
      paths: [
        { path: PATH, commits: 3, recentFixes: 2 },
        { path: 'README.md', commits: 1, recentFixes: 1 },
      ],
    });
    expect(await app.ledger.historyOf('acme/web', [PATH], NOW)).toBeNull();
  });

  it('lets a later review classify with the history, on the same GitHub calls as without', async () => {
    await push('push-main', pushEvent('refs/heads/main', [...MAIN_COMMITS, ...MORE_FIXES]));
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: [prFile(PATH, PATCH)],
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    // With its history the change scores medium, where the default policy starts the deep tier.
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer({ summary: 'Looks fine.' }) }));

    await app.probot.receive({
      id: 'delivery-pr',
      name: 'pull_request',
      payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    anthropic.done();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain(
      `\`fix-history\` (+0.20): changes ${PATH}, which 5 fix commits changed in the year before`,
    );
    expect(body).toContain(`\`change-history\` (+0.10): changes ${PATH} with 6 earlier commits`);
    expect(body).toContain('`history-baseline` (-0.28): an ordinary history adds 0.22');
    const [row] = await app.ledger.list();
    // Without history this change scores 0.14, low (source-churn 0.12, no-tests 0.02); its file's
    // history is busier than an ordinary one.
    expect(row?.riskScore).toBe(0.21);
    expect(row?.riskLevel).toBe('medium');
    expect(row?.tier).toBe('deep');
  });
});
