import { describe, expect, it } from 'vitest';
import { releaseBytes } from './release-bytes.js';

describe('releaseBytes', () => {
  it('empties a buffer that owns its memory', () => {
    const bytes = Buffer.alloc(64 * 1024, 1);
    releaseBytes(bytes);
    expect(bytes.length).toBe(0);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('leaves a slice of a shared pool, and the buffers beside it, as they are', () => {
    const first = Buffer.from('first');
    const second = Buffer.from('second');
    expect(first.buffer).toBe(second.buffer);
    releaseBytes(second);
    expect(second.toString()).toBe('second');
    expect(first.toString()).toBe('first');
  });

  it('leaves a view of part of a larger memory as it is', () => {
    const memory = new ArrayBuffer(32);
    const part = new Uint8Array(memory, 0, 16).fill(7);
    releaseBytes(part);
    expect(part.length).toBe(16);
    expect(memory.byteLength).toBe(32);
  });

  it('does nothing to a buffer already released', () => {
    const bytes = new Uint8Array(16);
    releaseBytes(bytes);
    expect(() => releaseBytes(bytes)).not.toThrow();
  });
});
