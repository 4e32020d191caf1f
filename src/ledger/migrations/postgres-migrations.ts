/** The Postgres ledger schema, in order. Append new versions; never edit an applied one. */
import type { Migration } from './types.js';

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create-review-attempts',
    sql: `
      CREATE TABLE review_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL
      );
      CREATE INDEX review_attempts_repo_started_at ON review_attempts (repo, started_at);
      CREATE INDEX review_attempts_delivery_id ON review_attempts (delivery_id);
    `,
  },
  {
    version: 2,
    name: 'create-review-claims',
    sql: `
      CREATE TABLE review_claims (
        repo text NOT NULL,
        pr integer NOT NULL,
        head_sha text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('fast', 'deep')),
        delivery_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'posted')),
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (repo, pr, head_sha, tier)
      );
    `,
  },
  {
    version: 3,
    name: 'create-budget-reservations',
    sql: `
      CREATE TABLE budget_reservations (
        id text PRIMARY KEY,
        repo text NOT NULL,
        owner text NOT NULL,
        amount_usd double precision NOT NULL CHECK (amount_usd >= 0),
        reserved_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX budget_reservations_repo ON budget_reservations (repo, expires_at);
      CREATE INDEX budget_reservations_owner ON budget_reservations (owner, expires_at);
      CREATE INDEX review_attempts_owner_started_at
        ON review_attempts (split_part(repo, '/', 1), started_at);
    `,
  },
  {
    version: 4,
    name: 'create-pull-state-and-posted-findings',
    sql: `
      CREATE TABLE pr_state (
        repo text NOT NULL,
        pr integer NOT NULL,
        last_reviewed_sha text,
        skipped_by text,
        skipped_comment_id bigint,
        summary_review_id bigint,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (repo, pr)
      );
      CREATE TABLE posted_findings (
        repo text NOT NULL,
        pr integer NOT NULL,
        fingerprint text NOT NULL,
        review_id bigint,
        head_sha text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (repo, pr, fingerprint)
      );
      CREATE INDEX review_attempts_repo_pr ON review_attempts (repo, pr);
    `,
  },
];
