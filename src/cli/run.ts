/** Entry point of the `review-router` bin. */
import { setFlagsFromString } from 'node:v8';
import { createProcessIo } from './cli-io.js';
import { runCli } from './main.js';

// A command builds one large model (a patch's files and lines) that lives until it exits. V8
// doubles the young generation each time most of it survives a collection, which here only adds
// memory: growing it by a factor of 1 keeps the peak resident set about 100 MB lower on a 17 MB
// patch for a few percent more collection time.
setFlagsFromString('--semi-space-growth-factor=1');

process.exitCode = await runCli(process.argv.slice(2), createProcessIo());
