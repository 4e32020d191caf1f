/** Entry point of the `review-router` bin. */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
