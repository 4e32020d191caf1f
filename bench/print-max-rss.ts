/**
 * Loaded with `node --import` into a benchmarked process: on exit, writes the process's peak
 * resident memory (`process.resourceUsage().maxRSS`, in KiB) to stderr as `maxRSS <KiB>`.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
