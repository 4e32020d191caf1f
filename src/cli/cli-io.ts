/** Where the CLI reads and writes, passed in so tests can capture it. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly readStdin: () => Promise<string>;
  /**
   * Resolves once what `out` wrote has been taken by the reader (stdout drained), so a command
   * that prints a million rows holds a pipe's buffer of them, not all of them. Absent: no wait.
   */
  readonly flush?: () => Promise<void>;
}

/**
 * The exit statuses of every command: 0 done; 1 the answer is no (an invalid policy in
 * `policy check`) or something failed that the user did not cause; 2 the command cannot run as
 * given (a bad option, an unreadable or unusable input file, a configuration error).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure the user can fix: printed without a stack trace, exit 2 unless told otherwise. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_USAGE) {
    super(message);
    this.exitCode = exitCode;
  }
}

const isClosedPipe = (error: NodeJS.ErrnoException): boolean =>
  error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';

/**
 * The real process's streams. When the reader of stdout goes away (`review-router costs | head
 * -1`), the rest of the output has nowhere to go: it is dropped, the command still finishes
 * (a report file is still written) and exits as it would have, with no EPIPE stack trace. Any
 * other failure to write it (a full disk) ends the command with one line and exit 1.
 */
export const createProcessIo = (): CliIo => {
  let stdoutClosed = false;
  let stderrClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (isClosedPipe(error)) {
      stdoutClosed = true;
      return;
    }
    // A full disk or a broken device: the output is lost, said in one line, never a stack trace.
    process.stderr.write(`review-router: cannot write the output: ${error.message}\n`);
    process.exit(EXIT_FAILED);
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (!isClosedPipe(error)) throw error;
    stderrClosed = true;
  });
  return {
    out: (line) => {
      if (!stdoutClosed && !process.stdout.destroyed) process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      if (!stderrClosed && !process.stderr.destroyed) process.stderr.write(`${line}\n`);
    },
    flush: () =>
      new Promise<void>((resolve) => {
        const stdout = process.stdout;
        if (stdoutClosed || stdout.destroyed || !stdout.writableNeedDrain) return resolve();
        const done = (): void => {
          for (const event of ['drain', 'close', 'error'] as const) stdout.off(event, done);
          resolve();
        };
        for (const event of ['drain', 'close', 'error'] as const) stdout.once(event, done);
      }),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
};
