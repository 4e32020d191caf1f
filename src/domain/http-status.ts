/** Octokit's RequestError carries `status`; anything else is not an HTTP answer. */
export const httpStatus = (error: unknown): number | null =>
  typeof error === 'object' &&
  error !== null &&
  'status' in error &&
  typeof error.status === 'number'
    ? error.status
    : null;
