import { describe, expect, it } from 'vitest';
import { toFeedbackJob } from './to-feedback-job.js';
import { toThreadSignal, type ReviewThreadEventPayload } from './to-thread-signal.js';

const AT = new Date('2026-11-21T10:00:00Z');
const pullEvent = (action: string) => ({
  action,
  installation: { id: 42 },
  repository: { name: 'api', owner: { login: 'acme' } },
  pull_request: { number: 7, head: { sha: 'abc' } },
});
const MARKED = `Doubled export\n<!-- review-router:finding ${'1'.repeat(32)} -->`;
const threadEvent = (
  action: string,
  body: string,
  sender: ReviewThreadEventPayload['sender'] = { login: 'maintainer', type: 'User' },
): ReviewThreadEventPayload => ({
  action,
  repository: { name: 'api', owner: { login: 'acme' } },
  pull_request: { number: 7 },
  thread: { comments: [{ body, user: { login: 'review-router[bot]', type: 'Bot' } }] },
  sender,
});

describe('toFeedbackJob', () => {
  it('turns a close into a feedback job under its own delivery id', () => {
    expect(toFeedbackJob('d-1', pullEvent('closed'), AT)).toMatchObject({
      deliveryId: 'd-1',
      trigger: 'feedback',
      pr: 7,
      headSha: 'abc',
    });
  });

  it('gives a reopen, which is also reviewed, a delivery id of its own that a redelivery repeats', () => {
    expect(toFeedbackJob('d-2', pullEvent('reopened'), AT)?.deliveryId).toBe('d-2:feedback');
  });

  it.each(['opened', 'synchronize', 'edited'])('ignores pull_request.%s', (action) => {
    expect(toFeedbackJob('d-3', pullEvent(action), AT)).toBeNull();
  });
});

describe('toThreadSignal', () => {
  it('reads a person resolving or unresolving a thread of the app as a signal for its finding', () => {
    expect(toThreadSignal(threadEvent('resolved', MARKED))).toEqual({
      repo: 'acme/api',
      pr: 7,
      fingerprints: ['1'.repeat(32)],
      signal: 'resolved',
    });
    expect(toThreadSignal(threadEvent('unresolved', MARKED))?.signal).toBe('unresolved');
  });

  it('ignores bots, senderless events, threads without a finding and other actions', () => {
    expect(toThreadSignal(threadEvent('resolved', MARKED, { login: 'x[bot]' }))).toBeNull();
    expect(toThreadSignal({ ...threadEvent('resolved', MARKED), sender: undefined })).toBeNull();
    expect(toThreadSignal(threadEvent('resolved', 'a person started this'))).toBeNull();
    expect(toThreadSignal(threadEvent('created', MARKED))).toBeNull();
  });

  it('ignores a payload without the thread, its comments or the pull request, without throwing', () => {
    const base = {
      action: 'resolved',
      repository: { name: 'api', owner: { login: 'acme' } },
      sender: { login: 'maintainer', type: 'User' },
    };
    const thread = { comments: [{ body: MARKED, user: { login: 'rr[bot]', type: 'Bot' } }] };
    expect(toThreadSignal({ ...base, pull_request: { number: 7 }, thread })).not.toBeNull();
    expect(toThreadSignal({ ...base, pull_request: { number: 7 } })).toBeNull();
    expect(toThreadSignal({ ...base, pull_request: { number: 7 }, thread: {} })).toBeNull();
    expect(toThreadSignal({ ...base, thread })).toBeNull();
  });

  it("ignores the app's marker copied into a thread a person started", () => {
    const copied = threadEvent('resolved', MARKED);
    const byPerson = { login: 'mallory', type: 'User' };
    const ghost = null;
    for (const user of [byPerson, ghost]) {
      const first = { ...copied.thread?.comments?.[0], body: MARKED, user };
      expect(toThreadSignal({ ...copied, thread: { comments: [first] } })).toBeNull();
    }
  });
});
