/** Entry point of the `review-router` bin. */
import { createProcessIo } from './cli-io.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), createProcessIo());
