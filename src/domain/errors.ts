/** The few typed errors of the app. Each message says what to do next. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly context: { readonly variable?: string } = {},
  ) {
    super(message);
  }
}

/** A retryable failure: the job goes back to the queue. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(
    message: string,
    readonly context: { readonly cause?: unknown } = {},
  ) {
    super(message, { cause: context.cause });
  }
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
