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
