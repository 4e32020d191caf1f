/** The embedded queue's options; the port itself is `../types.ts`. */
import type { Log } from '../../domain/log.js';
import type { RetryOptions } from '../types.js';

export interface SqliteQueueOptions extends RetryOptions {
  /** The queue's own SQLite file, e.g. `DATA_DIR/queue.sqlite`. */
  readonly file: string;
  /** How many pull requests are reviewed at once. */
  readonly concurrency?: number;
  /** How long a running job stays claimed without a heartbeat: a dead process's jobs return after it. */
  readonly leaseMs?: number;
  /** How often the queue looks for due jobs and for leases that ran out. */
  readonly pollMs?: number;
  /** How long stop() waits for running jobs before it aborts them and hands them back. */
  readonly stopTimeoutMs?: number;
  /** How long finished rows are kept; they are what makes a late redelivery a no-op. */
  readonly retainMs?: number;
  /** How big the WAL may grow in a burst before the committing connection checkpoints (16 MB). */
  readonly walLimitBytes?: number;
  readonly log?: Log;
}
