/**
 * The code around the change, read from the pull request's head (and base) through GitHub, off
 * the webhook path and within the review's deadline: a source that fails or runs out of time
 * leaves the review with the diff alone, never without a review.
 */
import { cacheCodeSource, type CodeCache } from '../context/cache-code-source.js';
import { filesForContext } from '../context/files-for-context.js';
import { gatherContext } from '../context/gather-context.js';
import { EMPTY_POOL, type ContextPool } from '../context/types.js';
import type { Log } from '../domain/log.js';
import { deepestLevel } from '../review/context-level.js';
import { findSkipRule } from '../route/find-skip-rule.js';
import type { ReviewDeadline } from '../review/review-deadline.js';
import type { JobRun } from './open-job.js';
import type { ReviewSubject } from './review-subject.js';

/** Reading context may take at most this long, however much of the deadline is left. */
export const CONTEXT_TIME_LIMIT_MS = 60_000;

export interface ReadContextOptions {
  readonly deadline: ReviewDeadline;
  readonly codeCache?: CodeCache | undefined;
}

const abandoned = (signal: AbortSignal, ms: number): Promise<'abandoned'> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve('abandoned'), ms);
    timer.unref();
    signal.addEventListener('abort', () => resolve('abandoned'), { once: true });
  });

export const readContext = async (
  run: JobRun,
  subject: ReviewSubject,
  options: ReadContextOptions,
): Promise<ContextPool> => {
  const { policy, diff, classification } = subject;
  const level = deepestLevel(policy, ['fast', 'deep']);
  const sourceAt = run.gh.codeSource?.bind(run.gh);
  if (level === 'diff' || sourceAt === undefined) return EMPTY_POOL;
  // A change the skip rules will skip (they come before any command's tier) needs no code.
  if (findSkipRule({ policy, pr: subject.pr, diff }) !== null) return EMPTY_POOL;
  const source = (sha: string) => {
    const plain = sourceAt({ owner: run.ref.owner, repo: run.ref.repo }, sha);
    return options.codeCache === undefined
      ? plain
      : cacheCodeSource(plain, `${run.repo}@${sha}`, options.codeCache);
  };
  // The diff's old side: the pull request's base, or for a push reviewed alone the head reviewed last.
  const baseSha = subject.scope.kind === 'incremental' ? subject.scope.baseSha : subject.pr.baseSha;
  const files = filesForContext(diff.files, classification.fileRisk, policy.review.ignore_paths);
  const started = Date.now();
  const gathering = gatherContext({
    sources: {
      head: source(run.job.headSha),
      base: baseSha === undefined ? null : source(baseSha),
    },
    files,
    knownSecrets: subject.secrets.known,
    level,
  });
  return settle(gathering, options.deadline, run.log, started);
};

const settle = async (
  gathering: Promise<ContextPool>,
  deadline: ReviewDeadline,
  log: Log,
  started: number,
): Promise<ContextPool> => {
  try {
    const pool = await Promise.race([gathering, abandoned(deadline.signal, CONTEXT_TIME_LIMIT_MS)]);
    if (pool === 'abandoned') {
      gathering.catch(() => undefined);
      log.warn(
        { ms: Date.now() - started },
        'code context took too long: reviewing the diff alone',
      );
      return EMPTY_POOL;
    }
    log.info({ items: pool.items.length, ms: Date.now() - started }, 'code context read');
    return pool;
  } catch (error) {
    log.warn({ err: error }, 'code context could not be read: reviewing the diff alone');
    return EMPTY_POOL;
  }
};
