import { describe, expect, it } from 'vitest';
import { createMetrics } from './create-metrics.js';

describe('createMetrics', () => {
  it('reads the queue depth at each scrape', async () => {
    let depth = 3;
    const metrics = createMetrics({ queue: { depth: () => Promise.resolve(depth) } });
    expect(await metrics.registry.metrics()).toContain('review_router_queue_depth 3\n');
    depth = 7;
    expect(await metrics.registry.metrics()).toContain('review_router_queue_depth 7\n');
  });

  it('keeps the last depth when the queue cannot be read, and still answers', async () => {
    let fail = false;
    const metrics = createMetrics({
      queue: { depth: () => (fail ? Promise.reject(new Error('redis down')) : Promise.resolve(2)) },
    });
    await metrics.registry.metrics();
    fail = true;
    expect(await metrics.registry.metrics()).toContain('review_router_queue_depth 2\n');
  });

  it('answers a scrape when the queue never answers, and says the queue is down', async () => {
    let stuck = false;
    const metrics = createMetrics({
      queue: { depth: () => (stuck ? new Promise<number>(() => {}) : Promise.resolve(5)) },
      depthTimeoutMs: 50,
    });
    expect(await metrics.registry.metrics()).toContain('review_router_queue_up 1\n');
    stuck = true;
    const scrape = await metrics.registry.metrics();
    expect(scrape).toContain('review_router_queue_depth 5\n');
    expect(scrape).toContain('review_router_queue_up 0\n');
  });

  it('includes the process metrics unless turned off', async () => {
    expect(await createMetrics().registry.metrics()).toContain('process_cpu_user_seconds_total');
    expect(await createMetrics({ processMetrics: false }).registry.metrics()).not.toContain(
      'process_cpu_user_seconds_total',
    );
  });

  it('keeps each registry to itself', async () => {
    const first = createMetrics({ processMetrics: false });
    const second = createMetrics({ processMetrics: false });
    first.reviews.inc({ tier: 'fast', outcome: 'posted' });
    expect(await second.registry.metrics()).not.toContain('review_router_reviews_total{');
  });
});
