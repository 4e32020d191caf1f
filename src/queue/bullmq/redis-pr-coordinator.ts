/**
 * What BullMQ OSS lacks for review jobs, in a few Redis keys next to the queue's own (same prefix,
 * so a `{hash-tagged}` prefix keeps them in one cluster slot):
 *
 * - `seq` and `delivery:<id>`: every delivery gets a sequence number once; enqueuing the same
 *   delivery again gets the same number, so a duplicate can never look newer than itself.
 * - `pr:<owner/repo#pr>`: the newest sequence number and head SHA enqueued for the pull request.
 *   A job is superseded when a newer delivery wants a different head SHA.
 * - `lock:<owner/repo#pr>`: the per-pull-request lock, `SET NX PX` with a random token, renewed
 *   while the job runs and released by compare-and-delete, so one replica's expired lock is never
 *   deleted by another.
 */
import type { RedisClient } from 'bullmq';

export interface LatestPush {
  readonly seq: number;
  readonly headSha: string;
}

export interface RedisPrCoordinator {
  /** The delivery's sequence number: a new one the first time, the same one after. */
  sequence(deliveryId: string): Promise<number>;
  /** Records a push as the newest for its pull request unless a newer one is recorded. */
  markLatest(key: string, push: LatestPush): Promise<void>;
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
  rrSequence: {
    numberOfKeys: 2,
    lua: `local seq = redis.call('GET', KEYS[1])
if not seq then
  seq = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[1], seq, 'PX', ARGV[1])
end
return tostring(seq)`,
  },
  rrMarkLatest: {
    numberOfKeys: 1,
    lua: `local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
if tonumber(ARGV[1]) > current then
  redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'head', ARGV[2])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`,
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

/** `root` is the queue's key prefix, e.g. `bull:review-router`. */
export const createRedisPrCoordinator = (client: RedisClient, root: string): RedisPrCoordinator => {
  for (const [name, script] of Object.entries(SCRIPTS))
    client.defineCommand(name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  const keys = {
    seq: `${root}:rr:seq`,
    delivery: (id: string) => `${root}:rr:delivery:${id}`,
    pr: (key: string) => `${root}:rr:pr:${key}`,
    lock: (key: string) => `${root}:rr:lock:${key}`,
  };
  const run = async (name: keyof typeof SCRIPTS, args: Array<string | number>) =>
    Number(await client.runCommand(name, args));

  return {
    sequence: (deliveryId) =>
      run('rrSequence', [keys.delivery(deliveryId), keys.seq, DELIVERY_TTL_MS]),
    async markLatest(key, push) {
      await run('rrMarkLatest', [keys.pr(key), push.seq, push.headSha, LATEST_TTL_MS]);
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
