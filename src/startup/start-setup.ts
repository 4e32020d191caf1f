import type { Logger } from 'pino';
import { run } from 'probot';
import { SmeeClient } from 'smee-client';

type SmeeFetch = NonNullable<NonNullable<Parameters<typeof SmeeClient.createChannel>[0]>['fetch']>;

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
 * connects to it, receives them on a laptop that GitHub cannot reach.
 */
export const startSetup = (options: SetupOptions) =>
  run(() => undefined, {
    log: options.log,
    env: options.env,
    SmeeClient: {
      // Node's fetch and undici's take the same requests; smee-client types only undici's.
      createChannel: () =>
        SmeeClient.createChannel({
          fetch: (options.fetch ?? fetch) as unknown as SmeeFetch,
        }),
    },
    ...(options.updateEnv ? { updateEnv: options.updateEnv } : {}),
  });
