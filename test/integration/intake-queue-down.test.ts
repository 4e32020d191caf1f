/**
 * A queue that does not take a job (Redis down, its client holding commands while it reconnects):
 * the webhook fails, so GitHub shows a failed delivery that can be redelivered, rather than a 202
 * for a job that lives only in this process's memory.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { createNodeMiddleware, Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/app.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import type { ReviewJob } from '../../src/domain/review-job.js';
import type { JobQueue } from '../../src/queue/types.js';
import { pullRequestEvent } from '../helpers/github-payloads.js';
import { TestOctokit } from '../helpers/test-app.js';

const SECRET = 'webhook-secret';

let dir: string;
let ledger: ReturnType<typeof openSqliteLedger>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'review-router-intake-'));
  ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
  await ledger.migrate();
});

afterEach(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A queue whose enqueue never settles, as BullMQ's does while ioredis waits for Redis. */
const stuckQueue = (): JobQueue & { readonly offered: string[] } => {
  const offered: string[] = [];
  return {
    offered,
    enqueue: (job: ReviewJob) => {
      offered.push(job.deliveryId);
      return new Promise(() => {});
    },
    depth: () => Promise.resolve(0),
  } as unknown as JobQueue & { readonly offered: string[] };
};

const deliver = async (queue: JobQueue, deliveryId: string) => {
  const probot = new Probot({
    githubToken: 'test',
    secret: SECRET,
    Octokit: TestOctokit,
    logLevel: 'fatal',
  });
  const middleware = await createNodeMiddleware(
    createWebApp({ queue, ledger, enqueueTimeoutMs: 200 }),
    { probot },
  );
  const server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nock.enableNetConnect('127.0.0.1');
  try {
    const body = JSON.stringify(pullRequestEvent('opened'));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  } finally {
    server.close();
  }
};

describe('a queue that does not take the job', () => {
  it('fails the webhook, so GitHub shows a delivery to redeliver', async () => {
    const queue = stuckQueue();
    const answer = await deliver(queue, 'delivery-queue-down');

    expect(queue.offered).toEqual(['delivery-queue-down']);
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('the queue did not take the job within 200 ms');
  });
});
