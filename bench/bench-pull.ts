/** The pull requests of the webhook benchmark: the load sends number n with head SHA benchHeadSha(n). */
import { createHash } from 'node:crypto';

export const BENCH_OWNER = 'acme';
export const BENCH_REPO = 'bench';

export const benchHeadSha = (pr: number): string =>
  createHash('sha1').update(`bench:${pr}`).digest('hex');
