import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { WORKER_NICENESS_STEP, yieldCpuToIntake } from './yield-cpu-to-intake.js';

const sleeper = async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return child;
};

/** A Node process that has started its threads and runs code. */
const runningNode = async () => {
  const child = spawn(process.execPath, ['-e', "console.log('up'); setTimeout(() => {}, 10000)"], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await once(child.stdout, 'data');
  return child;
};

describe('yieldCpuToIntake', () => {
  it('lowers the process priority by a fixed step', async () => {
    const child = await sleeper();
    try {
      const before = getPriority(child.pid);
      const after = yieldCpuToIntake(child.pid);
      expect(after).toBe(Math.min(19, before + WORKER_NICENESS_STEP));
      expect(getPriority(child.pid)).toBe(after);
    } finally {
      child.kill();
    }
  });

  it("lowers every thread's priority, not only the main thread's", async () => {
    const child = await runningNode();
    try {
      const after = yieldCpuToIntake(child.pid);
      const threads = readdirSync(`/proc/${child.pid}/task`);
      // Node runs V8's and libuv's threads beside the main one.
      expect(threads.length).toBeGreaterThan(1);
      const niceness = threads.map((tid) => {
        const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
        // nice is field 19 of stat, the 17th after the command's closing parenthesis
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
      expect(niceness).toEqual(threads.map(() => after));
    } finally {
      child.kill();
    }
  });

  it('stops at the lowest priority', async () => {
    const child = await sleeper();
    try {
      yieldCpuToIntake(child.pid);
      yieldCpuToIntake(child.pid);
      expect(yieldCpuToIntake(child.pid)).toBe(19);
    } finally {
      child.kill();
    }
  });

  it('says null when the process cannot be changed', () => {
    expect(yieldCpuToIntake(2 ** 22 + 12345)).toBeNull();
  });
});
