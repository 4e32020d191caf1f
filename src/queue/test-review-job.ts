/** Test helpers for the queue suites: a ReviewJob and small promises to step through a handler. */
import type { ReviewJob } from '../domain/review-job.js';

export const reviewJob = (
  pr: number,
  headSha: string,
  deliveryId = `${pr}-${headSha}`,
): ReviewJob => ({
  deliveryId,
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  pr,
  headSha,
  trigger: 'synchronize',
  forcedTier: null,
  receivedAt: '2026-11-21T00:00:00.000Z',
});

export const deferred = <T = void>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
};

export const whenAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
  );

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
