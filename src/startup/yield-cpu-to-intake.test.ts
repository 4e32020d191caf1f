import { spawn } from 'node:child_process';
import { getPriority } from 'node:os';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { WORKER_NICENESS_STEP, yieldCpuToIntake } from './yield-cpu-to-intake.js';

const sleeper = async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
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
