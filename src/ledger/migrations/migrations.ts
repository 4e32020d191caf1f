/**
 * The ledger schema for SQLite and Postgres, in order. Append new versions; never edit an applied
 * one. Versions 1-4 are the first release's schema, written once for both dialects.
 */
import { SECOND_RELEASE_MIGRATIONS } from './second-release-migrations.js';
import type { Migration } from './types.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create-review-attempts',
    sql: (d) => `
      CREATE TABLE review_attempts (
        id ${d.idColumn},
        delivery_id text NOT NULL,
        installation_id bigint NOT NULL,
        repo text NOT NULL,
        pr integer NOT NULL,
        head_sha text NOT NULL,
        "trigger" text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('skip', 'fast', 'deep')),
        provider text,
        model text,
        input_tokens bigint NOT NULL,
        cached_input_tokens bigint NOT NULL,
        cache_write_tokens bigint NOT NULL,
        cache_write_5m_tokens bigint NOT NULL,
        cache_write_1h_tokens bigint NOT NULL,
        output_tokens bigint NOT NULL,
        reasoning_tokens bigint NOT NULL,
        inference_geo text,
        cost_usd double precision NOT NULL,
        deep_cost_usd double precision NOT NULL,
        price_version text,
        outcome text NOT NULL
          CHECK (outcome IN ('posted', 'skipped', 'failed', 'superseded', 'escalated')),
        risk_score double precision,
        risk_level text,
        size text,
        reason text NOT NULL,
        error text,
        started_at ${d.timestamp} NOT NULL,
        finished_at ${d.timestamp} NOT NULL
      );
      CREATE INDEX review_attempts_repo_started_at ON review_attempts (repo, started_at);
      CREATE INDEX review_attempts_delivery_id ON review_attempts (delivery_id);
    `,
  },
  {
    version: 2,
    name: 'create-review-claims',
    sql: (d) => `
      CREATE TABLE review_claims (
        repo text NOT NULL,
        pr integer NOT NULL,
        head_sha text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('fast', 'deep')),
        delivery_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'posted')),
        claimed_at ${d.timestamp} NOT NULL,
        PRIMARY KEY (repo, pr, head_sha, tier)
      );
    `,
  },
  {
    version: 3,
    name: 'create-budget-reservations',
    sql: (d) => `
      CREATE TABLE budget_reservations (
        id text PRIMARY KEY,
        repo text NOT NULL,
        owner text NOT NULL,
        amount_usd double precision NOT NULL CHECK (amount_usd >= 0),
        reserved_at ${d.timestamp} NOT NULL,
        expires_at ${d.timestamp} NOT NULL
      );
      CREATE INDEX budget_reservations_repo ON budget_reservations (repo, expires_at);
      CREATE INDEX budget_reservations_owner ON budget_reservations (owner, expires_at);
      CREATE INDEX review_attempts_owner_started_at
        ON review_attempts (${d.ownerOf('repo')}, started_at);
    `,
  },
  {
    version: 4,
    name: 'create-pull-state-and-posted-findings',
    sql: (d) => `
      CREATE TABLE pr_state (
        repo text NOT NULL,
        pr integer NOT NULL,
        last_reviewed_sha text,
        skipped_by text,
        skipped_comment_id bigint,
        summary_review_id bigint,
        updated_at ${d.timestamp} NOT NULL,
        PRIMARY KEY (repo, pr)
      );
      CREATE TABLE posted_findings (
        repo text NOT NULL,
        pr integer NOT NULL,
        fingerprint text NOT NULL,
        review_id bigint,
        head_sha text NOT NULL,
        created_at ${d.timestamp} NOT NULL,
        PRIMARY KEY (repo, pr, fingerprint)
      );
      CREATE INDEX review_attempts_repo_pr ON review_attempts (repo, pr);
    `,
  },
  {
    version: 5,
    name: 'store-money-as-integer-nano-dollars',
    sql: () => `
      ALTER TABLE review_attempts ADD COLUMN cost_nanos bigint NOT NULL DEFAULT 0;
      ALTER TABLE review_attempts ADD COLUMN deep_cost_nanos bigint NOT NULL DEFAULT 0;
      UPDATE review_attempts SET
        cost_nanos = CAST(ROUND(cost_usd * 1e9) AS bigint),
        deep_cost_nanos = CAST(ROUND(deep_cost_usd * 1e9) AS bigint);
      ALTER TABLE review_attempts DROP COLUMN cost_usd;
      ALTER TABLE review_attempts DROP COLUMN deep_cost_usd;
      ALTER TABLE budget_reservations ADD COLUMN amount_nanos bigint NOT NULL DEFAULT 0
        CHECK (amount_nanos >= 0);
      UPDATE budget_reservations SET amount_nanos = CAST(ROUND(amount_usd * 1e9) AS bigint);
      ALTER TABLE budget_reservations DROP COLUMN amount_usd;
    `,
  },
  {
    // Keyset pages read (started_at, id) in order, with or without a repository; the totals
    // read every column they add up from one covering index, in started_at order.
    version: 6,
    name: 'index-review-attempts-for-reports',
    sql: () => `
      CREATE INDEX review_attempts_started_at_id ON review_attempts (started_at, id);
      CREATE INDEX review_attempts_repo_started_at_id ON review_attempts (repo, started_at, id);
      DROP INDEX review_attempts_repo_started_at;
      CREATE INDEX review_attempts_costs ON review_attempts
        (started_at, repo, tier, provider, outcome, cost_nanos, deep_cost_nanos);
    `,
  },
  ...SECOND_RELEASE_MIGRATIONS,
];
