import type { ContextPool } from '../context/types.js';
import type { PullState } from '../ledger/types.js';
import type { ReviewedChange } from '../publish/reviewed-change.js';

/**
 * What a job knows of the change once it is read, redacted and classified: plain data, no ports.
 * It is what publishing reads (`ReviewedChange`), with all the ledger remembers of the pull
 * request (last review, skip, summary review) rather than only its summary review.
 */
export interface ReviewSubject extends Omit<ReviewedChange, 'pullState'> {
  readonly pullState: PullState | null;
  /** Code around the change, redacted (read-context.ts); absent: the diff alone. */
  readonly context?: ContextPool;
}
