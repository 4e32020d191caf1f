import { describe, expect, it } from 'vitest';
import { JobAborted, supersededBy } from '../queue/job-aborted.js';
import { deferred } from '../queue/test-review-job.js';
import { unlessStopped } from './stopped-mid-call.js';

describe('unlessStopped', () => {
  it('gives the work its value when nothing stops the job', async () => {
    const signal = new AbortController().signal;
    expect(await unlessStopped(Promise.resolve(42), signal)).toEqual({ stopped: false, value: 42 });
  });

  it.each(['shutdown', 'abandoned'] as const)(
    'stops waiting when the queue stops the job (%s)',
    async (cause) => {
      const controller = new AbortController();
      const never = new Promise<number>(() => undefined);
      const raced = unlessStopped(never, controller.signal);
      const reason = new JobAborted(cause, 'stopped');
      controller.abort(reason);
      expect(await raced).toEqual({ stopped: true, reason });
    },
  );

  it('stops at once for a job already stopped', async () => {
    const controller = new AbortController();
    controller.abort(new JobAborted('shutdown', 'stopped'));
    const raced = await unlessStopped(new Promise<number>(() => undefined), controller.signal);
    expect(raced.stopped).toBe(true);
  });

  it.each([
    ['a newer push', supersededBy('b'.repeat(40))],
    ['a lost lease', new JobAborted('lease-lost', 'taken over')],
    ['an abort that is not the queue’s', new Error('other')],
  ])('waits for the work through %s: the process lives on', async (_case, reason) => {
    const controller = new AbortController();
    const work = deferred<number>();
    const raced = unlessStopped(work.promise, controller.signal);
    controller.abort(reason);
    work.resolve(7);
    expect(await raced).toEqual({ stopped: false, value: 7 });
  });

  it('passes on a failure of the work', async () => {
    const signal = new AbortController().signal;
    await expect(unlessStopped(Promise.reject(new Error('boom')), signal)).rejects.toThrow('boom');
  });
});
