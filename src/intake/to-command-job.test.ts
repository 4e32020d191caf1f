import { describe, expect, it } from 'vitest';
import { parseStoredJob } from '../queue/schema.js';
import { parseCommand } from './parse-command.js';
import { toCommandJob, type IssueCommentEventPayload } from './to-command-job.js';

const payload = (
  body: string,
  overrides: Partial<IssueCommentEventPayload> = {},
): IssueCommentEventPayload => ({
  action: 'created',
  installation: { id: 42 },
  repository: { name: 'api', owner: { login: 'acme' } },
  issue: { number: 7, pull_request: { url: 'https://api.github.com/repos/acme/api/pulls/7' } },
  comment: { id: 901, body, user: { login: 'maintainer', type: 'User' } },
  sender: { login: 'maintainer', type: 'User' },
  ...overrides,
});

const AT = new Date('2026-11-21T10:00:00Z');

describe('parseCommand', () => {
  it.each([
    ['/review', 'review'],
    ['/review deep', 'review-deep'],
    ['  /Review   FAST  ', 'review-fast'],
    ['/review skip\nWe will review this by hand.', 'review-skip'],
    ['\n\n/cost', 'cost'],
    ['/review please', 'help'],
    ['/review deep now', 'help'],
  ])('reads %j as %s', (body, expected) => {
    expect(parseCommand(body)).toBe(expected);
  });

  it.each([
    '',
    'Looks good to me',
    'Can you /review this?',
    '/reviewer',
    '> /review deep',
    '/costs',
    '    /review deep',
    '\t/review',
    '\n    /cost',
  ])('finds no command in %j', (body) => {
    expect(parseCommand(body)).toBeNull();
  });
});

describe('toCommandJob', () => {
  it('turns a command on a pull request into a command job with its forced tier', () => {
    expect(toCommandJob('d-9', payload('/review deep'), AT)).toEqual({
      deliveryId: 'd-9',
      installationId: 42,
      owner: 'acme',
      repo: 'api',
      pr: 7,
      trigger: 'command',
      forcedTier: 'deep',
      receivedAt: '2026-11-21T10:00:00.000Z',
      command: { name: 'review-deep', commentId: 901, author: 'maintainer' },
    });
  });

  it.each([
    ['/review', null],
    ['/review fast', 'fast'],
    ['/review skip', 'skip'],
    ['/cost', null],
  ])('gives %s the forced tier %s', (body, tier) => {
    expect(toCommandJob('d-9', payload(body), AT)?.forcedTier).toBe(tier);
  });

  it('keeps its command through a durable queue (stored as JSON, read back with zod)', () => {
    const job = { ...toCommandJob('d-9', payload('/review skip'), AT)!, headSha: 'c'.repeat(40) };
    expect(parseStoredJob(JSON.parse(JSON.stringify(job)), 'test')).toEqual(job);
  });

  it('ignores a comment on an issue that is not a pull request', () => {
    expect(toCommandJob('d-9', payload('/review', { issue: { number: 7 } }), AT)).toBeNull();
  });

  it.each([
    [{ login: 'review-router[bot]', type: 'Bot' }],
    [{ login: 'renovate[bot]', type: 'Bot' }],
    [{ login: 'ci-helper', type: 'Bot' }],
  ])('ignores a comment from a bot (%j), the app itself included', (sender) => {
    expect(
      toCommandJob(
        'd-9',
        payload('/review deep', { sender, comment: { id: 1, body: '/review deep', user: sender } }),
        AT,
      ),
    ).toBeNull();
  });

  it('ignores an edited comment, a comment without a command and an event without installation', () => {
    expect(toCommandJob('d-9', payload('/review', { action: 'edited' }), AT)).toBeNull();
    expect(toCommandJob('d-9', payload('Nice work'), AT)).toBeNull();
    expect(toCommandJob('d-9', { ...payload('/review'), installation: undefined }, AT)).toBeNull();
  });
});
