/**
 * What BullMQ OSS lacks for review jobs, in a few Redis keys next to the queue's own (same prefix,
 * so a `{hash-tagged}` prefix keeps them in one cluster slot):
 *
 * - `seq` and `delivery:<id>`: every delivery gets a sequence number once; enqueuing the same
 *   delivery again gets the same number, so a duplicate can never look newer than itself.
 * - `pr:<owner/repo#pr>`: the newest sequence number and head SHA enqueued for the pull request.
 *   A job is superseded when a newer delivery wants a different head SHA.
 *
 *   Both are written by one script queued in the same MULTI as BullMQ's add of the job, after it:
 *   an enqueue is one round trip to Redis, no other client sees the job without its sequence
 *   number or the newest push without its job, and the script refuses (recording nothing) when
 *   the job's key is missing.
 * - `lock:<owner/repo#pr>`: the per-pull-request lock, `SET NX PX` with a random token, renewed
 *   while the job runs and released by compare-and-delete, so one replica's expired lock is never
 *   deleted by another.
 */
import type { IRedisTransaction, RedisClient } from 'bullmq';

export interface LatestPush {
  readonly seq: number;
  readonly headSha: string;
}

/** The push a job was enqueued for, as `queueEnqueue` records it. */
export interface EnqueuedPush {
  /** The Redis key of the BullMQ job, added earlier in the same transaction. */
  readonly jobKey: string;
  readonly deliveryId: string;
  /** The pull request's key (`prKey`). */
  readonly key: string;
  readonly headSha: string;
  /** True for a push, an open or a reopen: the newest head of its pull request (`announcesHead`). */
  readonly announcesHead: boolean;
}

export interface RedisPrCoordinator {
  /**
   * Queues on `transaction`, after the job's add, one script that gives the delivery its sequence
   * number (a new one the first time, the same one after) and records the push as the newest for
   * its pull request unless a newer one is recorded. Its reply in the transaction's results is
   * the sequence number, or an error when the job's key does not exist.
   */
  queueEnqueue(transaction: IRedisTransaction, push: EnqueuedPush): void;
  /** The sequence number given to the delivery, or null once it is forgotten (after 7 days). */
  sequenceOf(deliveryId: string): Promise<number | null>;
  latest(key: string): Promise<LatestPush | null>;
  /** Takes the pull request's lock for `ms`; false when another job holds it. */
  lock(key: string, token: string, ms: number): Promise<boolean>;
  /** Extends the lock; false when it was lost (expired, and maybe taken by another job). */
  renew(key: string, token: string, ms: number): Promise<boolean>;
  unlock(key: string, token: string): Promise<void>;
}

const DELIVERY_TTL_MS = 7 * 24 * 60 * 60_000;
const LATEST_TTL_MS = 30 * 24 * 60 * 60_000;

const SCRIPTS = {
  /** KEYS: job, delivery, seq, pr; ARGV: delivery TTL, head SHA, pr TTL, '1' for a push. */
  rrEnqueue: {
    numberOfKeys: 4,
    lua: `if redis.call('EXISTS', KEYS[1]) == 0 then
  return redis.error_reply('the job was not stored: no sequence number given')
end
local seq = redis.call('GET', KEYS[2])
if not seq then
  seq = redis.call('INCR', KEYS[3])
  redis.call('SET', KEYS[2], seq, 'PX', ARGV[1])
end
local current = tonumber(redis.call('HGET', KEYS[4], 'seq') or '0')
if ARGV[4] == '1' and tonumber(seq) > current then
  redis.call('HSET', KEYS[4], 'seq', seq, 'head', ARGV[2])
end
redis.call('PEXPIRE', KEYS[4], ARGV[3])
return tostring(seq)`,
  },
  rrLock: {
    numberOfKeys: 1,
    lua: `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`,
  },
  rrRenew: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
  },
  rrUnlock: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
  },
} as const;

/**
 * `root` is the queue's key prefix, e.g. `bull:review-router`. `queueEnqueue` takes transactions
 * of `client` or of `enqueueClient` (a connection kept for enqueues), which gets its script too.
 */
export const createRedisPrCoordinator = (
  client: RedisClient,
  root: string,
  enqueueClient: RedisClient = client,
): RedisPrCoordinator => {
  for (const [name, script] of Object.entries(SCRIPTS)) client.defineCommand(name, script);
  if (enqueueClient !== client) enqueueClient.defineCommand('rrEnqueue', SCRIPTS.rrEnqueue);
  const keys = {
    seq: `${root}:rr:seq`,
    delivery: (id: string) => `${root}:rr:delivery:${id}`,
    pr: (key: string) => `${root}:rr:pr:${key}`,
    lock: (key: string) => `${root}:rr:lock:${key}`,
  };
  const run = async (name: keyof typeof SCRIPTS, args: Array<string | number>) =>
    Number(await client.runCommand(name, args));

  return {
    queueEnqueue(transaction, push) {
      transaction.runCommand('rrEnqueue', [
        push.jobKey,
        keys.delivery(push.deliveryId),
        keys.seq,
        keys.pr(push.key),
        DELIVERY_TTL_MS,
        push.headSha,
        LATEST_TTL_MS,
        push.announcesHead ? '1' : '0',
      ]);
    },
    async sequenceOf(deliveryId) {
      const seq = await client.get(keys.delivery(deliveryId));
      return seq === null ? null : Number(seq);
    },
    async latest(key) {
      const [seq, headSha] = await client.hmget(keys.pr(key), 'seq', 'head');
      return seq && headSha ? { seq: Number(seq), headSha } : null;
    },
    lock: async (key, token, ms) => (await run('rrLock', [keys.lock(key), token, ms])) === 1,
    renew: async (key, token, ms) => (await run('rrRenew', [keys.lock(key), token, ms])) === 1,
    async unlock(key, token) {
      await run('rrUnlock', [keys.lock(key), token]);
    },
  };
};
