/**
 * The Redis connection an enqueue's MULTI goes out on: one of its own, with only the scripts an
 * enqueue runs. ioredis copies every script defined on a client onto each transaction it builds,
 * and BullMQ defines all 64 of its own on the queue's client: 30-55 µs of the web process's CPU per
 * enqueue went to that copy, 4-8 µs with BullMQ's three add scripts and ours (a throwaway loop of
 * 5,000 `multi()` calls per client, three runs). Nothing else changes: the same commands go out in
 * the same one round trip.
 */
import type { RedisClient } from 'bullmq';

/** BullMQ's scripts that store a job without a parent: `Job#addJob` runs one of them. */
const ADD_SCRIPTS = /^add(Standard|Delayed|Prioritized)Job:/;

interface DefinedScript {
  readonly lua: string;
  readonly numberOfKeys: number;
}

const definedScripts = (client: RedisClient): Record<string, DefinedScript> | undefined =>
  (client as unknown as { scriptsSet?: Record<string, DefinedScript> }).scriptsSet;

/**
 * A duplicate of the queue's client with BullMQ's add scripts defined, or null when the driver
 * does not say which scripts it holds (enqueue then uses the queue's client as it is).
 */
export const openEnqueueClient = (client: RedisClient): RedisClient | null => {
  const scripts = definedScripts(client);
  if (scripts === undefined) return null;
  const adds = Object.entries(scripts).filter(([name]) => ADD_SCRIPTS.test(name));
  if (adds.length === 0) return null;
  const enqueueClient = client.duplicate();
  for (const [name, script] of adds)
    enqueueClient.defineCommand(name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  return enqueueClient;
};
