/** Test fixture: the ledger schema of the first release, exactly as its stores created it, to test that such a database migrates forward. */
/** A migration as the first release wrote it: one SQL text per database. */
export interface FirstReleaseMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const firstReleaseSqliteMigrations: readonly FirstReleaseMigration[] = [
  {
    version: 1,
    name: 'create-review-attempts',
    sql: `
      CREATE TABLE review_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        delivery_id TEXT NOT NULL,
        installation_id INTEGER NOT NULL,
        repo TEXT NOT NULL,
        pr INTEGER NOT NULL,
        head_sha TEXT NOT NULL,
        "trigger" TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN ('skip', 'fast', 'deep')),
        provider TEXT,
        model TEXT,
        input_tokens INTEGER NOT NULL,
        cached_input_tokens INTEGER NOT NULL,
        cache_write_tokens INTEGER NOT NULL,
        cache_write_5m_tokens INTEGER NOT NULL,
        cache_write_1h_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        reasoning_tokens INTEGER NOT NULL,
        inference_geo TEXT,
        cost_usd REAL NOT NULL,
        deep_cost_usd REAL NOT NULL,
        price_version TEXT,
        outcome TEXT NOT NULL
          CHECK (outcome IN ('posted', 'skipped', 'failed', 'superseded', 'escalated')),
        risk_score REAL,
        risk_level TEXT,
        size TEXT,
        reason TEXT NOT NULL,
        error TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL
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
        repo TEXT NOT NULL,
        pr INTEGER NOT NULL,
        head_sha TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN ('fast', 'deep')),
        delivery_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'posted')),
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (repo, pr, head_sha, tier)
      );
    `,
  },
  {
    version: 3,
    name: 'create-budget-reservations',
    sql: `
      CREATE TABLE budget_reservations (
        id TEXT PRIMARY KEY,
        repo TEXT NOT NULL,
        owner TEXT NOT NULL,
        amount_usd REAL NOT NULL CHECK (amount_usd >= 0),
        reserved_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX budget_reservations_repo ON budget_reservations (repo, expires_at);
      CREATE INDEX budget_reservations_owner ON budget_reservations (owner, expires_at);
      CREATE INDEX review_attempts_owner_started_at
        ON review_attempts (substr(repo, 1, instr(repo, '/') - 1), started_at);
    `,
  },
  {
    version: 4,
    name: 'create-pull-state-and-posted-findings',
    sql: `
      CREATE TABLE pr_state (
        repo TEXT NOT NULL,
        pr INTEGER NOT NULL,
        last_reviewed_sha TEXT,
        skipped_by TEXT,
        skipped_comment_id INTEGER,
        summary_review_id INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (repo, pr)
      );
      CREATE TABLE posted_findings (
        repo TEXT NOT NULL,
        pr INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        review_id INTEGER,
        head_sha TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (repo, pr, fingerprint)
      );
      CREATE INDEX review_attempts_repo_pr ON review_attempts (repo, pr);
    `,
  },
];

export const firstReleasePostgresMigrations: readonly FirstReleaseMigration[] = [
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
