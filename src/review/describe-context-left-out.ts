/** The summary's note on code context that did not fit: which files, and why. */

/** The note names this many; the rest are counted. */
const LISTED = 10;

export const describeContextLeftOut = (
  leftOut: readonly { readonly path: string; readonly reason: string }[],
): string | null => {
  if (leftOut.length === 0) return null;
  const listed = leftOut.slice(0, LISTED).map((entry) => `\`${entry.path}\` (${entry.reason})`);
  const more = leftOut.length - listed.length;
  return `Code context left out: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
};
