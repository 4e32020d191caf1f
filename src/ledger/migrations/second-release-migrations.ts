/**
 * The ledger schema added after the first release: the history index, what served and discounted
 * a request, findings' feedback, budgets per pull request, budget alerts and waiting batches,
 * and the indexes the report routes add up along.
 * Versions 7 onwards, in order; append new versions to this list.
 */
import type { Migration } from './types.js';

export const SECOND_RELEASE_MIGRATIONS: readonly Migration[] = [
  {
    // The history index: one row per path each default-branch commit added or modified, from
    // push events and calibrate's backfill. The key serves the one read (repository, paths).
    version: 7,
    name: 'create-history-changes',
    sql: () => `
      CREATE TABLE history_changes (
        repo text NOT NULL,
        path text NOT NULL,
        sha text NOT NULL,
        committed_at bigint NOT NULL,
        fix integer NOT NULL CHECK (fix IN (0, 1)),
        PRIMARY KEY (repo, path, sha)
      );
    `,
  },
  {
    // Where the price came from: the service tier the provider says served the request, whether
    // it went through a batch API, and the discount billed (null, 'flex' or 'batch').
    version: 8,
    name: 'record-service-tier-batch-and-discount',
    sql: () => `
      ALTER TABLE review_attempts ADD COLUMN service_tier text;
      ALTER TABLE review_attempts ADD COLUMN batch boolean NOT NULL DEFAULT false;
      ALTER TABLE review_attempts ADD COLUMN discount text
        CHECK (discount IS NULL OR discount IN ('flex', 'batch'));
    `,
  },
  {
    // Every posted finding, followed until its pull request closes: where it points now, its
    // share of the review's cost (integer nano-dollars) and its outcome; the signals people gave,
    // one row each, so a redelivered event adds nothing.
    version: 9,
    name: 'create-finding-feedback',
    sql: (d) => `
      CREATE TABLE finding_feedback (
        repo text NOT NULL,
        pr integer NOT NULL,
        fingerprint text NOT NULL,
        delivery_id text NOT NULL,
        review_id bigint NOT NULL,
        path text NOT NULL,
        line integer NOT NULL,
        start_line integer,
        side text NOT NULL CHECK (side IN ('LEFT', 'RIGHT')),
        tier text NOT NULL CHECK (tier IN ('fast', 'deep')),
        provider text NOT NULL,
        model text NOT NULL,
        category text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
        suggestion text,
        cost_nanos bigint NOT NULL CHECK (cost_nanos >= 0),
        posted_at ${d.timestamp} NOT NULL,
        tracked_sha text NOT NULL,
        tracked_line integer NOT NULL,
        tracked_start_line integer,
        outcome text NOT NULL DEFAULT 'open'
          CHECK (outcome IN ('open', 'acted-on', 'dismissed', 'no-signal')),
        settled_outcome text,
        settled_at ${d.timestamp},
        PRIMARY KEY (repo, pr, fingerprint)
      );
      CREATE INDEX finding_feedback_posted_at ON finding_feedback (posted_at);
      CREATE INDEX finding_feedback_repo_posted_at ON finding_feedback (repo, posted_at);
      CREATE TABLE finding_signals (
        repo text NOT NULL,
        pr integer NOT NULL,
        fingerprint text NOT NULL,
        signal text NOT NULL,
        source text NOT NULL CHECK (source IN ('event', 'close')),
        seen_at ${d.timestamp} NOT NULL,
        PRIMARY KEY (repo, pr, fingerprint, signal, source)
      );
    `,
  },
  {
    // Budgets that follow a pull request (reservations name it), budget alerts raised once per
    // month and share, and batch reviews waiting for their provider, so a restart resumes them.
    version: 11,
    name: 'pull-request-budgets-alerts-and-pending-batches',
    sql: (d) => `
      ALTER TABLE budget_reservations ADD COLUMN pr integer;
      CREATE INDEX budget_reservations_pull ON budget_reservations (repo, pr, expires_at);
      CREATE TABLE budget_alerts (
        repo text NOT NULL,
        month text NOT NULL,
        share text NOT NULL,
        spent_nanos bigint NOT NULL,
        cap_nanos bigint NOT NULL,
        raised_at ${d.timestamp} NOT NULL,
        PRIMARY KEY (repo, month, share)
      );
      CREATE TABLE pending_batches (
        id text PRIMARY KEY,
        repo text NOT NULL,
        pr integer NOT NULL,
        head_sha text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('fast', 'deep')),
        provider text NOT NULL,
        model text NOT NULL,
        effort text NOT NULL,
        batch_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('submitted', 'fallback', 'done', 'superseded')),
        delivery_id text NOT NULL,
        installation_id bigint NOT NULL,
        "trigger" text NOT NULL,
        received_at ${d.timestamp} NOT NULL,
        reason text NOT NULL,
        budget_note text,
        max_input_tokens integer NOT NULL,
        reservation_id text,
        check_id bigint,
        polls integer NOT NULL,
        submitted_at ${d.timestamp} NOT NULL,
        updated_at ${d.timestamp} NOT NULL
      );
      CREATE INDEX pending_batches_pull ON pending_batches (repo, pr, state);
    `,
  },
  {
    // The report routes add up a whole window in one query per grouping. SQLite groups without
    // sorting only along an index in the grouping's order: one per grouping of the summary (per
    // repository and provider; per UTC day and tier), each covering every column the totals
    // read. Postgres groups with a hash and needs neither. The most expensive reviews are read
    // from the end of an index on cost on both, instead of sorting every row.
    version: 12,
    name: 'index-review-attempts-for-report-groups',
    sql: (d) => `
      ${
        d.name === 'sqlite'
          ? `CREATE INDEX review_attempts_by_repo_provider ON review_attempts
               (repo, provider, started_at, tier, outcome, cost_nanos, deep_cost_nanos);
             CREATE INDEX review_attempts_by_day_tier ON review_attempts
               (${d.utcDay('started_at')}, tier, started_at, repo, outcome, cost_nanos, deep_cost_nanos);`
          : ''
      }
      CREATE INDEX review_attempts_by_cost ON review_attempts (cost_nanos, started_at, id);
    `,
  },
  {
    // What prompt caching saved on each attempt (negative: what it cost), in nano-dollars. Rows
    // written before it read 0: their caching was not measured.
    version: 13,
    name: 'review-attempts-cache-saved',
    sql: () =>
      `ALTER TABLE review_attempts ADD COLUMN cache_saved_nanos bigint NOT NULL DEFAULT 0;`,
  },
  {
    // The check run a claim's holder opened: an attempt that takes the claim over after a crash
    // finishes that run instead of leaving it in progress beside a second one.
    version: 14,
    name: 'review-claims-check-id',
    sql: () => `ALTER TABLE review_claims ADD COLUMN check_id bigint;`,
  },
  {
    // Where a finding's file is now, after a push renamed it; null: at the path it was posted on.
    version: 15,
    name: 'finding-feedback-tracked-path',
    sql: () => `ALTER TABLE finding_feedback ADD COLUMN tracked_path text;`,
  },
  {
    // Filters name a repository case-insensitively, as GitHub does: keyset pages of one
    // repository, one pull request's rows, and its findings each read an index on lower(repo).
    version: 16,
    name: 'index-repository-names-case-insensitively',
    sql: () => `
      CREATE INDEX review_attempts_lower_repo ON review_attempts (lower(repo), started_at, id);
      CREATE INDEX review_attempts_lower_repo_pr ON review_attempts (lower(repo), pr);
      CREATE INDEX finding_feedback_lower_repo ON finding_feedback (lower(repo), posted_at);
    `,
  },
  {
    // The base branch of the last review: a push after the pull request was retargeted is
    // reviewed whole, since the compare of two heads does not hold what the new base changed.
    version: 17,
    name: 'pr-state-last-reviewed-base',
    sql: () => `ALTER TABLE pr_state ADD COLUMN last_reviewed_base text;`,
  },
];
