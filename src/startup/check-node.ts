/**
 * Whether this Node can run the app: the ledger and the queue use `node:sqlite`, which Node 22.13,
 * 23.4 and later give without a flag (22.12 only with `--experimental-sqlite`). Without it, an
 * import of the module fails before any code runs, with a stack and no advice: the entry asks
 * first. Null when it can.
 */
export const nodeProblem = (
  hasSqlite: boolean = hasBuiltin('node:sqlite'),
  version: string = process.version,
): string | null =>
  hasSqlite
    ? null
    : `review-router needs node:sqlite, which this Node (${version}) does not give without a flag. ` +
      'To resolve, run it on Node 24 LTS (or 22.13 and later); on Node 22.12, start it with ' +
      '`node --experimental-sqlite`.';

/** `process.getBuiltinModule` is itself new (Node 22.3, 20.16): older ones have no such module. */
const hasBuiltin = (name: string): boolean => {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return typeof get === 'function' && get.call(process, name) !== undefined;
};
