import { describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { GitHubPort } from '../github/types.js';
import type { PullKey } from '../ledger/types.js';
import { reportDeadLetter } from './report-dead-letter.js';
import type { WorkerDeps } from './types.js';

const job: ReviewJob = {
  deliveryId: 'delivery-dead',
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  pr: 7,
  headSha: 'd'.repeat(40),
  trigger: 'synchronize',
  forcedTier: null,
  receivedAt: '2026-11-21T10:00:00.000Z',
};

/** The dead letter's ports: a ledger whose delivery held the claims given, and GitHub's checks. */
const deadLetterOf = async (heldChecks: readonly number[]) => {
  const released: { pull: PullKey; deliveryId: string }[] = [];
  const created: string[] = [];
  const completed: { id: number; conclusion: string; title: string }[] = [];
  const gh = {
    createCheckRun: (_ref: unknown, headSha: string) => {
      created.push(headSha);
      return Promise.resolve(900);
    },
    completeCheckRun: (
      _ref: unknown,
      id: number,
      conclusion: string,
      output: { title: string },
    ) => {
      completed.push({ id, conclusion, title: output.title });
      return Promise.resolve();
    },
  } as unknown as GitHubPort;
  const deps = {
    github: () => Promise.resolve(gh),
    ledger: {
      record: () => Promise.resolve(),
      releaseHeldBy: (pull: PullKey, deliveryId: string) => {
        released.push({ pull, deliveryId });
        return Promise.resolve(heldChecks);
      },
    },
    log: silentLog,
    now: () => new Date('2026-11-21T10:05:00.000Z'),
  } as unknown as WorkerDeps;
  await reportDeadLetter(job, new Error('Connection terminated unexpectedly'), deps);
  return { released, created, completed };
};

describe('reportDeadLetter', () => {
  it("frees the job's claims and fails the check run its attempt left in progress", async () => {
    const { released, created, completed } = await deadLetterOf([28]);
    expect(released).toEqual([{ pull: { repo: 'acme/api', pr: 7 }, deliveryId: 'delivery-dead' }]);
    expect(created).toEqual([]);
    expect(completed).toEqual([
      { id: 28, conclusion: 'failure', title: 'review-router could not review this commit' },
    ]);
  });

  it('opens a failed check run of its own when no attempt left one', async () => {
    const { created, completed } = await deadLetterOf([]);
    expect(created).toEqual([job.headSha]);
    expect(completed).toEqual([
      { id: 900, conclusion: 'failure', title: 'review-router could not review this commit' },
    ]);
  });
});
