/** The Postgres ledger's entry point, where the composition roots and tests import it from. */
export {
  openPostgresLedger,
  type OpenPostgresLedgerOptions,
} from './postgres/open-postgres-ledger.js';
