import type { Logger } from 'pino';

/**
 * Stops on SIGTERM (docker stop, Kubernetes) and SIGINT (Ctrl-C) within `timeoutMs`
 * (SHUTDOWN_TIMEOUT_MS): `stop` takes no new work, lets running reviews finish or hands them back
 * to the queue, and closes the database. Past the timeout the process exits anyway, before the
 * orchestrator's SIGKILL. Every role stops this way.
 */
export const stopOnSignals = (log: Logger, timeoutMs: number, stop: () => Promise<void>): void => {
  // Probot's own SIGINT handler exits as soon as the HTTP server closes, cutting reviews short.
  process.removeAllListeners('SIGINT');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutMs }, 'shutting down');
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown took longer than SHUTDOWN_TIMEOUT_MS: exiting now');
      process.exit(1);
    }, timeoutMs - 500).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
};
