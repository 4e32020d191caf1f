/** The few typed errors of the app. Each message says what to do next. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly context: { readonly variable?: string };
  constructor(message: string, context: { readonly variable?: string } = {}) {
    super(message);
    this.context = context;
  }
}

/** A retryable failure: the job goes back to the queue. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  readonly context: { readonly cause?: unknown };
  constructor(message: string, context: { readonly cause?: unknown } = {}) {
    super(message, { cause: context.cause });
    this.context = context;
  }
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
