/**
 * The webhook benchmark's baseline: Probot with the same environment (APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT) and an app that does nothing with a pull request.
 */
import { run } from 'probot';

await run((app) => {
  app.on('pull_request', () => undefined);
});
