import type { Logger } from 'pino';
import { run } from 'probot';
import { SmeeClient } from 'smee-client';

type SmeeFetch = NonNullable<NonNullable<Parameters<typeof SmeeClient.createChannel>[0]>['fetch']>;

export const NO_CHANNEL =
  'webhook proxy: smee.io could not be reached, so an app registered from this page would send ' +
  "its webhooks to this server's local address, which GitHub cannot reach. To resolve, set " +
  'WEBHOOK_PROXY_URL to a channel (`npx smee-client --help`) and restart, or register the app ' +
  'by hand with a public webhook URL.';

export interface SetupOptions {
  readonly log: Logger;
  /** The environment Probot reads its port and host from. */
  readonly env: NodeJS.ProcessEnv;
  /** Where smee-client asks for a new channel; Node's fetch, so tests can intercept it. */
  readonly fetch?: typeof fetch;
  /** Probot writes the new app's credentials and the proxy URL to `./.env` through this. */
  readonly updateEnv?: (vars: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
}

/**
 * No GitHub credential is set: serve Probot's setup page, which registers the app from app.yml.
 * Before it, open a webhook proxy channel (smee.io) and write WEBHOOK_PROXY_URL, so the manifest
 * GitHub receives points the app's webhooks at that channel, and the restarted app, which
 * connects to it, receives them on a laptop that GitHub cannot reach. When the channel cannot be
 * opened, Probot registers the app with this server's own address: the log says what that means.
 */
export const startSetup = (options: SetupOptions) =>
  run(() => undefined, {
    log: options.log,
    env: options.env,
    SmeeClient: {
      // Node's fetch and undici's take the same requests; smee-client types only undici's.
      createChannel: async () => {
        try {
          return await SmeeClient.createChannel({
            fetch: (options.fetch ?? fetch) as unknown as SmeeFetch,
          });
        } catch (error) {
          options.log.warn({ err: error }, NO_CHANNEL);
          throw error;
        }
      },
    },
    ...(options.updateEnv ? { updateEnv: options.updateEnv } : {}),
  });
