/**
 * A worker process lowers its own CPU priority (nice +10, at most 19), so that on a host it shares
 * with web processes (one machine running `docker compose up`, or a small VM), acknowledging
 * webhooks and answering health checks come before review work. Reviews wait on the model APIs far
 * longer than they compute, so they lose almost nothing; on a host of its own it changes nothing.
 * Raising niceness needs no privilege; where the platform refuses, the worker runs as it is.
 */
import { getPriority, setPriority } from 'node:os';

export const WORKER_NICENESS_STEP = 10;
const LOWEST_PRIORITY = 19;

/** The niceness `pid` runs at afterwards, or null when it could not be changed. */
export const yieldCpuToIntake = (pid = 0): number | null => {
  try {
    const niceness = Math.min(LOWEST_PRIORITY, getPriority(pid) + WORKER_NICENESS_STEP);
    setPriority(pid, niceness);
    return getPriority(pid);
  } catch {
    return null;
  }
};
