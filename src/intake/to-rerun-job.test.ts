import { describe, expect, it } from 'vitest';
import { toRerunJob, type CheckRunEventPayload } from './to-rerun-job.js';

const AT = new Date('2026-11-21T10:00:00Z');

const payload = (
  run: NonNullable<CheckRunEventPayload['check_run']>,
  action = 'rerequested',
): CheckRunEventPayload => ({
  action,
  installation: { id: 42 },
  repository: { name: 'api', owner: { login: 'acme' } },
  check_run: run,
});

describe('toRerunJob', () => {
  it('reviews again the commit of a re-run review-router check run, of the pull request GitHub lists', () => {
    const job = toRerunJob(
      'd-1',
      payload({ name: 'review-router', head_sha: 'abc123', pull_requests: [{ number: 7 }] }),
      AT,
    );
    expect(job).toMatchObject({ trigger: 'rerequested', pr: 7, headSha: 'abc123', owner: 'acme' });
  });

  it("reads a fork's pull request, which GitHub does not list, from the run's external_id", () => {
    const job = toRerunJob(
      'd-2',
      payload({ name: 'review-router', head_sha: 'abc123', pull_requests: [], external_id: '12' }),
      AT,
    );
    expect(job?.pr).toBe(12);
  });

  it('ignores another check run, another action, and a run that names no pull request', () => {
    const run = { name: 'review-router', head_sha: 'abc123', pull_requests: [{ number: 7 }] };
    expect(toRerunJob('d-3', payload({ ...run, name: 'ci / test' }), AT)).toBeNull();
    expect(toRerunJob('d-4', payload(run, 'completed'), AT)).toBeNull();
    expect(
      toRerunJob('d-5', payload({ ...run, pull_requests: [], external_id: null }), AT),
    ).toBeNull();
  });
});
