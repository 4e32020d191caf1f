/**
 * Probot connects to the webhook proxy (WEBHOOK_PROXY_URL, a smee.io channel for a laptop) as it
 * starts, and rejects with the EventSource's error event when it cannot: said as a setting the
 * operator can fix, not as the event's fields.
 */
import { ConfigError } from '../domain/errors.js';

const reasonOf = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : 'no answer';
};

/** The error to stop with when Probot's start failed: a ConfigError when a proxy was set. */
export const webhookProxyFailure = (error: unknown, proxyUrl: string | undefined): unknown => {
  if (proxyUrl === undefined || error instanceof ConfigError) return error;
  return new ConfigError(
    `WEBHOOK_PROXY_URL: cannot connect to the webhook proxy at ${proxyUrl} (${reasonOf(error)}). To resolve, check that this machine reaches it, or unset WEBHOOK_PROXY_URL where GitHub can reach the app's own webhook URL (a server needs no proxy).`,
    { variable: 'WEBHOOK_PROXY_URL' },
  );
};
