import { describe, expect, it } from 'vitest';
import { toReviewJob, type PullRequestEventPayload } from './to-review-job.js';

const payload = (
  action: string,
  installation: { id: number } | null = { id: 42 },
): PullRequestEventPayload => ({
  action,
  ...(installation === null ? {} : { installation }),
  repository: { name: 'api', owner: { login: 'acme' } },
  pull_request: { number: 7, head: { sha: 'abc123' } },
});

describe('toReviewJob', () => {
  it.each(['opened', 'reopened', 'synchronize', 'ready_for_review', 'labeled'])(
    'turns pull_request.%s into a review job',
    (action) => {
      expect(toReviewJob('d-1', payload(action), new Date('2026-11-21T10:00:00Z'))).toEqual({
        deliveryId: 'd-1',
        installationId: 42,
        owner: 'acme',
        repo: 'api',
        pr: 7,
        headSha: 'abc123',
        trigger: action,
        forcedTier: null,
        receivedAt: '2026-11-21T10:00:00.000Z',
      });
    },
  );

  it('turns pull_request.unlabeled into a review job that names the label taken off', () => {
    const event = { ...payload('unlabeled'), label: { name: 'review:skip' } };
    expect(toReviewJob('d-2', event, new Date('2026-11-21T10:00:00Z'))).toMatchObject({
      trigger: 'unlabeled',
      label: 'review:skip',
      headSha: 'abc123',
    });
    expect(
      toReviewJob('d-3', { ...payload('labeled'), label: { name: 'bug' } }, new Date()),
    ).toMatchObject({ trigger: 'labeled', label: 'bug' });
  });

  it.each(['closed', 'edited', 'assigned'])('ignores pull_request.%s', (action) => {
    expect(toReviewJob('d-1', payload(action), new Date())).toBeNull();
  });

  it('ignores an event that came without an installation', () => {
    expect(toReviewJob('d-1', payload('opened', null), new Date())).toBeNull();
  });
});
