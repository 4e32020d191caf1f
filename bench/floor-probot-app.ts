/**
 * The least a durable intake can do, as a Probot app: the bare app of the webhook benchmark whose
 * `pull_request` handler stores each delivery before Probot answers, and nothing else. With
 * FLOOR=sqlite it inserts the delivery into a SQLite file (WAL, synchronous = NORMAL, one
 * transaction, as the embedded queue commits), and never checkpoints, so no commit waits for the
 * disk (the queue checkpoints in a thread of its own); with FLOOR=redis it sends one command to Redis
 * (REDIS_URL) and waits for the reply. No review runs, no log line is written for the delivery.
 * It shows what the storage alone costs a webhook's acknowledgement on the same machine.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Redis } from 'ioredis';
import { run } from 'probot';

const floor = process.env['FLOOR'];

const storeOf = (): ((id: string, body: string) => Promise<void>) => {
  if (floor === 'redis') {
    const redis = new Redis(process.env['REDIS_URL'] ?? '', { maxRetriesPerRequest: 1 });
    const key = `${process.env['QUEUE_PREFIX'] ?? 'rr-bench-floor'}:deliveries`;
    return async (id, body) => {
      await redis.hset(key, id, body);
    };
  }
  if (floor === 'sqlite') {
    const db = new DatabaseSync(join(process.env['DATA_DIR'] ?? '.', 'floor.sqlite'));
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA wal_autocheckpoint = 0');
    db.exec('CREATE TABLE IF NOT EXISTS deliveries (id TEXT PRIMARY KEY, payload TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO deliveries (id, payload) VALUES (?, ?)');
    return (id, body) => {
      db.exec('BEGIN IMMEDIATE');
      insert.run(id, body);
      db.exec('COMMIT');
      return Promise.resolve();
    };
  }
  throw new Error(`FLOOR must be sqlite or redis, not ${String(floor)}`);
};

const store = storeOf();

await run((app) => {
  app.on('pull_request', async (context) => {
    await store(context.id, JSON.stringify(context.payload.pull_request.head));
  });
});
