/**
 * The Octokit class the app talks to GitHub with: Probot's own (the retry and throttling plugins:
 * 5xx answers are retried three times with growing waits, writes are spaced out), with rate-limit
 * handlers that give up. Probot's handlers retry every rate limit for ever: a job could then
 * hold a worker until the hourly limit resets. Here a wait GitHub asks for is honoured a couple
 * of times when it is short; past that the request fails, the job fails, and the queue retries
 * it later with backoff, or dead-letters it with a check run that says why.
 */
import { ProbotOctokit } from 'probot';

/** Retries of one request after a rate limit. */
export const RATE_LIMIT_RETRIES = 2;
/** The longest wait (seconds) a request sits out inside a job; longer ones fail the attempt. */
export const LONGEST_RATE_LIMIT_WAIT_S = 60;

interface LimitedRequest {
  readonly method: string;
  readonly url: string;
}

interface OctokitWithLog {
  readonly log: { warn(message: string): void };
}

type RateLimitHandler = (
  retryAfterS: number,
  request: LimitedRequest,
  octokit: OctokitWithLog,
  retryCount: number,
) => boolean;

/** Whether the throttling plugin should retry after `retryAfterS` seconds; it says which in the log. */
export const rateLimitHandler =
  (kind: 'rate limit' | 'secondary rate limit'): RateLimitHandler =>
  (retryAfterS, request, octokit, retryCount) => {
    const retry = retryCount < RATE_LIMIT_RETRIES && retryAfterS <= LONGEST_RATE_LIMIT_WAIT_S;
    octokit.log.warn(
      retry
        ? `GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfterS} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
        : `GitHub ${kind} on ${request.method} ${request.url}: giving up after ${retryCount} retries (it asks to wait ${retryAfterS} s); the job is retried later`,
    );
    return retry;
  };

export interface AppOctokitOptions {
  /** False turns client-side throttling off (GITHUB_THROTTLE=off): GHES without limits, fakes. */
  readonly throttle: boolean;
  /**
   * Milliseconds per "second" GitHub asks to wait, and the unit of the retry plugin's backoff
   * (1,000 in production); tests make it small.
   */
  readonly retryAfterBaseValue?: number;
}

interface OctokitOptions {
  throttle?: Record<string, unknown>;
  retry?: Record<string, unknown>;
}

export const createAppOctokit = (options: AppOctokitOptions): typeof ProbotOctokit =>
  ProbotOctokit.defaults((instance: OctokitOptions) => {
    const base = options.retryAfterBaseValue;
    return {
      ...instance,
      throttle: {
        ...instance.throttle,
        enabled: options.throttle,
        onRateLimit: rateLimitHandler('rate limit'),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit'),
        ...(base === undefined ? {} : { retryAfterBaseValue: base }),
      },
      ...(base === undefined ? {} : { retry: { ...instance.retry, retryAfterBaseValue: base } }),
    };
  });
