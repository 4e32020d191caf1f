import { Probot } from 'probot';
import { describe, expect, it, vi } from 'vitest';
import { createApp, createWebApp } from './app.js';
import type { LedgerStore } from './ledger/types.js';
import { loadPriceTable } from './ledger/price-table.js';
import type { JobQueue } from './queue/types.js';

/** A queue that records what the app asks of it; no job ever arrives. */
const recordingQueue = () => {
  const start = vi.fn<JobQueue['start']>();
  const queue: JobQueue = {
    enqueue: () => Promise.resolve(),
    start,
    depth: () => Promise.resolve(0),
    idle: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
  return { queue, start };
};

/** Neither composition reads the ledger while it is wired; the report routes read it later. */
const unusedLedger = {} as LedgerStore;

const load = async (appFn: Parameters<Probot['load']>[0]) => {
  const probot = new Probot({ githubToken: 'test', logLevel: 'fatal' });
  const handlers: unknown[] = [];
  await probot.load(appFn, { cwd: process.cwd(), addHandler: (handler) => handlers.push(handler) });
  return handlers;
};

describe('the app compositions', () => {
  it('runs reviews and serves the report and metrics routes in one process for ROLE=all', async () => {
    const { queue, start } = recordingQueue();
    const handlers = await load(
      createApp({ queue, ledger: unusedLedger, prices: loadPriceTable(), providers: {} }),
    );
    expect(start).toHaveBeenCalledTimes(1);
    expect(handlers).toHaveLength(2);
  });

  it('serves the report and metrics routes but never starts the review worker for ROLE=web', async () => {
    const { queue, start } = recordingQueue();
    const handlers = await load(createWebApp({ queue, ledger: unusedLedger }));
    expect(start).not.toHaveBeenCalled();
    expect(handlers).toHaveLength(2);
  });
});
