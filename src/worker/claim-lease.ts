import type { ReviewLimits } from './types.js';

/**
 * How old a running claim must be before a re-run job takes it over: CLAIM_LEASE_MS, or by
 * default the longer of three model timeouts (a call, its repair and an escalation) and the
 * review's total deadline plus one model timeout. The deadline bounds every model call of the
 * job, and it started before the claim was taken, so a review still within it is younger than the
 * lease; the extra model timeout covers what follows the last call (posting the review, the check
 * run, the ledger) and the clocks of two replicas disagreeing. A lease any shorter would let a
 * redelivered job take over a review that is still running and post a second one.
 */
export const claimLeaseMs = ({
  claimLeaseMs: configured,
  modelTimeoutMs,
  reviewDeadlineMs,
}: ReviewLimits): number =>
  configured ?? Math.max(3 * modelTimeoutMs, reviewDeadlineMs + modelTimeoutMs);
