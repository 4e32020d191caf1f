/**
 * Where the CLI finds the ledger the app writes: Postgres at DATABASE_URL, else the SQLite file
 * under DATA_DIR. A location is plain data, so a thread can open the ledger too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../env.js';
import { openPostgresLedger } from '../ledger/postgres-ledger.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import type { LedgerStore } from '../ledger/types.js';
import { errorMessage } from '../domain/errors.js';
import { CliError } from './cli-io.js';

export type LedgerLocation =
  | { readonly kind: 'postgres'; readonly connectionString: string }
  | { readonly kind: 'sqlite'; readonly file: string };

const NOT_CREATED =
  'the app creates it the first time it starts with its GitHub App credentials (the setup page alone does not), and each review adds to it. To resolve, start the app once with its credentials (npm start), or set DATA_DIR or DATABASE_URL to where the app keeps its ledger';

/**
 * Throws a CliError that says where it looked when there is no ledger yet. A DATABASE_URL is tried
 * first, so that a wrong one is told as the app tells it at start-up (the host, what to check,
 * never the password) rather than as the driver's bare error.
 */
export const locateLedger = async (env: Env): Promise<LedgerLocation> => {
  if (env.DATABASE_URL) {
    const { checkPostgres } = await import('../startup/check-postgres.js');
    try {
      await checkPostgres(env.DATABASE_URL, undefined, {
        name: 'review_attempts',
        missing: `The ledger is not there: ${NOT_CREATED}`,
      });
    } catch (error) {
      throw new CliError(errorMessage(error));
    }
    return { kind: 'postgres', connectionString: env.DATABASE_URL };
  }
  const file = join(env.DATA_DIR, 'ledger.sqlite');
  if (!existsSync(file)) throw new CliError(`no ledger at ${file}: ${NOT_CREATED}`);
  return { kind: 'sqlite', file };
};

/** For reading only: the SQLite file is opened read-only, so the app can keep writing. */
export const openLedgerAt = (location: LedgerLocation): LedgerStore =>
  location.kind === 'postgres'
    ? openPostgresLedger({ connectionString: location.connectionString })
    : openSqliteLedger({ file: location.file, readOnly: true });

/**
 * For writing (calibrate's history backfill): Postgres at DATABASE_URL, else the SQLite file under
 * DATA_DIR, created when the app has not run yet. The caller migrates it and closes it.
 */
export const openLedgerForWriting = (env: Env): LedgerStore =>
  env.DATABASE_URL
    ? openPostgresLedger({ connectionString: env.DATABASE_URL })
    : openSqliteLedger({ file: join(env.DATA_DIR, 'ledger.sqlite') });
