export interface ExponentialBackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** Spread retries of many jobs over ±this fraction of the delay (0 = none). */
  readonly jitter?: number;
  readonly random?: () => number;
}

/** 1 s, 2 s, 4 s … capped, with jitter so replicas retrying a GitHub outage don't retry in step. */
export const exponentialBackoff =
  (options: ExponentialBackoffOptions = {}): ((attempt: number) => number) =>
  (attempt) => {
    const baseMs = options.baseMs ?? 1_000;
    const maxMs = options.maxMs ?? 60_000;
    const jitter = options.jitter ?? 0.2;
    const random = options.random ?? Math.random;
    const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(delay * (1 + jitter * (2 * random() - 1)));
  };

/**
 * How long a failed review job waits before its next attempt: 10 s, then 20 s. Long enough for a
 * database restart or failover, or a GitHub blip, to pass before the job's last attempt; a job is
 * attempted three times, and each attempt may pay for a model call, so waiting beats trying more.
 */
export const JOB_RETRY_BACKOFF = exponentialBackoff({ baseMs: 10_000 });
