import type { CliIo } from './cli-io.js';

/** A CliIo for tests: what a command prints to stdout and stderr, a line each, and empty stdin. */
export const captureCliIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: () => Promise.resolve(''),
  };
  return { io, out, err };
};
