/** One batch API call as a Result: an SDK error is a typed failure, anything else is thrown. */
import { err, ok, type Result } from '../domain/result.js';
import type { ProviderFailure } from './types.js';

export const attemptWith =
  (toFailure: (error: unknown) => ProviderFailure) =>
  async <T>(call: () => Promise<T>): Promise<Result<T, ProviderFailure>> => {
    try {
      return ok(await call());
    } catch (error) {
      return err(toFailure(error));
    }
  };
