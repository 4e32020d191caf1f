/** The embedded ledger's entry point, where the composition roots and tests import it from. */
export { openSqliteLedger, type OpenSqliteLedgerOptions } from './sqlite/open-sqlite-ledger.js';
