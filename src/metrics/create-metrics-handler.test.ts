import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import type { LedgerStore } from '../ledger/types.js';
import { startTestHttpServer, type TestHttpServer } from '../report/test-http-server.js';
import { createMetrics } from './create-metrics.js';
import { createMetricsHandler } from './create-metrics-handler.js';
import type { Metrics } from './types.js';
import { withLedgerMetrics } from './with-ledger-metrics.js';

const TOKEN = 'metrics-token';

let ledger: LedgerStore;
let metrics: Metrics;
let server: TestHttpServer;
let unset: TestHttpServer;

beforeAll(async () => {
  metrics = createMetrics({ queue: { depth: () => Promise.resolve(4) } });
  ledger = withLedgerMetrics(openSqliteLedger({ file: ':memory:' }), metrics);
  await ledger.migrate();
  server = await startTestHttpServer(createMetricsHandler({ metrics, token: TOKEN }));
  unset = await startTestHttpServer(createMetricsHandler({ metrics, token: undefined }));
});

afterAll(async () => {
  await server.close();
  await unset.close();
  await ledger.close();
});

const scrape = (headers: Record<string, string>, origin = server.origin) =>
  fetch(`${origin}/metrics`, { headers });

describe('GET /metrics', () => {
  it('answers 404 while no token is set', async () => {
    expect((await scrape({ authorization: `Bearer ${TOKEN}` }, unset.origin)).status).toBe(404);
  });

  it('answers HEAD as GET without a body, and a POST with 405 and the methods it takes', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const head = await fetch(`${server.origin}/metrics`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${server.origin}/metrics`, { method: 'POST', headers: auth });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 401 without the bearer token', async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('shows what the ledger recorded, the queue depth and the process metrics', async () => {
    await ledger.record(sampleEntry({ costUsd: 0.25 }));
    await ledger.record(
      sampleEntry({
        deliveryId: 'd-2',
        tier: 'fast',
        provider: 'openai',
        model: 'gpt-5.3-codex',
        costUsd: 0.01,
        outputTokens: 900,
      }),
    );
    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('review_router_reviews_total{tier="deep",outcome="posted"} 1\n');
    expect(body).toContain('review_router_reviews_total{tier="fast",outcome="posted"} 1\n');
    expect(body).toContain(
      'review_router_tokens_total{provider="anthropic",model="claude-opus-4-6",kind="input"} 12345\n',
    );
    expect(body).toContain(
      'review_router_tokens_total{provider="openai",model="gpt-5.3-codex",kind="output"} 900\n',
    );
    expect(body).toContain(
      'review_router_cost_usd_total{tier="deep",provider="anthropic",model="claude-opus-4-6"} 0.25\n',
    );
    expect(body).toContain('review_router_queue_depth 4\n');
    expect(body).toContain('# TYPE review_router_model_latency_seconds histogram');
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).not.toContain('acme/api');
  });

  it('leaves other paths to the next handler', async () => {
    const res = await fetch(`${server.origin}/metricsz`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});
