import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadModule } from './thread-module.js';

const FIXTURES = new URL('../../test/fixtures/threads/', import.meta.url);

const run = (
  name: string,
  folder: URL = FIXTURES,
): Promise<{ message?: unknown; error?: Error }> => {
  const { url, execArgv } = threadModule(name, new URL('./here.ts', folder).href);
  const worker = new Worker(url, execArgv ? { execArgv } : {});
  return new Promise((resolve) => {
    let message: unknown;
    let error: Error | undefined;
    worker.on('message', (value) => (message = value));
    worker.on('error', (value) => (error = value));
    worker.on('exit', () => resolve({ message, ...(error ? { error } : {}) }));
  });
};

describe('threadModule', () => {
  it('names the built JavaScript beside a built module, with nothing to add', () => {
    expect(threadModule('report-thread', 'file:///app/dist/ledger/sqlite/x.js')).toEqual({
      url: new URL('file:///app/dist/ledger/sqlite/report-thread.js'),
    });
  });

  it('runs a thread from TypeScript source without Node loading its WebAssembly type stripper', async () => {
    const { message, error } = await run('loaded-modules-thread');
    expect(error).toBeUndefined();
    const { doubled, loaded } = message as { doubled: number; loaded: string[] };
    expect(doubled).toBe(42);
    expect(loaded.some((name) => name.includes('internal/deps/amaro'))).toBe(false);
  });

  it('fails a thread whose TypeScript does not parse, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-thread-'));
    try {
      writeFileSync(join(dir, 'broken-thread.ts'), 'export const f = (a: number): number => {\n');
      const { error } = await run('broken-thread', pathToFileURL(`${dir}/`));
      expect(error?.message).toContain(join(dir, 'broken-thread.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
