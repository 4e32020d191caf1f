/**
 * The setup every ledger contract shares: before each test a store over empty storage, migrated;
 * after it, the store closed. `onOpen` receives each store for the suite's own variable.
 */
import { afterEach, beforeEach } from 'vitest';
import type { LedgerStore } from './types.js';

export const useMigratedStore = (
  open: () => Promise<LedgerStore>,
  onOpen: (store: LedgerStore) => void,
): void => {
  let store: LedgerStore | undefined;
  beforeEach(async () => {
    store = await open();
    await store.migrate();
    onOpen(store);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
};
