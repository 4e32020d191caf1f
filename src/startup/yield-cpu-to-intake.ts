/**
 * A worker process lowers its own CPU priority (nice +10, at most 19), so that on a host it shares
 * with web processes (one machine running `docker compose up`, or a small VM), acknowledging
 * webhooks and answering health checks come before review work. Reviews wait on the model APIs far
 * longer than they compute, so they lose almost nothing; on a host of its own it changes nothing.
 * Raising niceness needs no privilege; where the platform refuses, the worker runs as it is.
 *
 * On Linux a niceness belongs to a thread, not to the process: Node starts V8's helper threads
 * (garbage collection, compilation) and libuv's before any code runs, and they would keep nice 0
 * and compete with the web process for the CPU. So every thread listed in /proc/<pid>/task gets the
 * same niceness; threads started later inherit it from the thread that starts them.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export const WORKER_NICENESS_STEP = 10;
const LOWEST_PRIORITY = 19;

/** The process's other threads (Linux); none where /proc does not list them. */
const otherThreads = (pid: number): number[] => {
  try {
    const own = pid === 0 ? process.pid : pid;
    return readdirSync(`/proc/${own}/task`)
      .map(Number)
      .filter((tid) => tid !== own);
  } catch {
    return [];
  }
};

/** The niceness `pid` runs at afterwards, or null when it could not be changed. */
export const yieldCpuToIntake = (pid = 0): number | null => {
  try {
    const niceness = Math.min(LOWEST_PRIORITY, getPriority(pid) + WORKER_NICENESS_STEP);
    setPriority(pid, niceness);
    for (const tid of otherThreads(pid)) {
      try {
        setPriority(tid, niceness);
      } catch {
        // the thread has ended since it was listed
      }
    }
    return getPriority(pid);
  } catch {
    return null;
  }
};
