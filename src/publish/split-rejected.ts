/**
 * GitHub rejects a whole review for one inline comment it will not place (422) without saying
 * which. Halving the set, with a probe that asks GitHub about a subset, finds the rejected ones in
 * about 2·k·log2(n) probes for k bad comments among n; past `maxProbes` the rest count as rejected.
 */
export const splitRejected = async <T>(
  items: readonly T[],
  accepts: (subset: readonly T[]) => Promise<boolean>,
  maxProbes = 24,
): Promise<{ accepted: T[]; rejected: T[] }> => {
  const accepted: T[] = [];
  const rejected: T[] = [];
  let probes = 0;
  // The whole set is already known to fail: start from its halves.
  const visit = async (subset: readonly T[], knownBad: boolean): Promise<void> => {
    if (subset.length === 0) return;
    if (!knownBad) {
      if (probes >= maxProbes) {
        rejected.push(...subset);
        return;
      }
      probes += 1;
      if (await accepts(subset)) {
        accepted.push(...subset);
        return;
      }
    }
    if (subset.length === 1) {
      rejected.push(...subset);
      return;
    }
    const middle = Math.ceil(subset.length / 2);
    await visit(subset.slice(0, middle), false);
    await visit(subset.slice(middle), false);
  };
  await visit(items, true);
  return { accepted, rejected };
};
