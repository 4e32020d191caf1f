import { describe, expect, it } from 'vitest';
import { LONGEST_RATE_LIMIT_WAIT_S, RATE_LIMIT_RETRIES, rateLimitHandler } from './app-octokit.js';

const request = { method: 'POST', url: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews' };

const withLog = () => {
  const warnings: string[] = [];
  return { warnings, octokit: { log: { warn: (message: string) => warnings.push(message) } } };
};

describe('rateLimitHandler', () => {
  it('waits out a short limit a bounded number of times, saying so', () => {
    const { warnings, octokit } = withLog();
    const handle = rateLimitHandler('secondary rate limit');

    const answers = [0, 1, 2, 3].map((retryCount) => handle(5, request, octokit, retryCount));

    expect(answers).toEqual([0, 1, 2, 3].map((count) => count < RATE_LIMIT_RETRIES));
    expect(warnings[0]).toBe(
      `GitHub secondary rate limit on POST ${request.url}: retrying in 5 s (retry 1 of ${RATE_LIMIT_RETRIES})`,
    );
    expect(warnings.at(-1)).toMatch(/giving up after 3 retries .* the job is retried later$/);
  });

  it('does not hold a job for a limit that resets later than a minute from now', () => {
    const { octokit } = withLog();
    const handle = rateLimitHandler('rate limit');

    expect(handle(LONGEST_RATE_LIMIT_WAIT_S, request, octokit, 0)).toBe(true);
    expect(handle(LONGEST_RATE_LIMIT_WAIT_S + 1, request, octokit, 0)).toBe(false);
    expect(handle(3_600, request, octokit, 0)).toBe(false);
  });
});
