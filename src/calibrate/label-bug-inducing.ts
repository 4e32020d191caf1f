export interface LabelBugInducingOptions {
  /** The commits being evaluated: only they can be labelled. */
  readonly evaluated: ReadonlySet<string>;
  /** Per fix commit, the commit each blamed line came from. */
  readonly blamed: readonly { readonly fix: string; readonly shas: readonly string[] }[];
  /** Shas named by revert commits, full or abbreviated. */
  readonly reverted: readonly string[];
}

/**
 * The bug-inducing commits, SZZ-style: every evaluated commit a later fix's deleted or changed
 * lines are blamed on (never the fix itself), and every evaluated commit that was reverted.
 */
export const labelBugInducing = (options: LabelBugInducingOptions): Set<string> => {
  const labels = new Set<string>();
  for (const { fix, shas } of options.blamed) {
    for (const sha of shas) if (sha !== fix && options.evaluated.has(sha)) labels.add(sha);
  }
  if (options.reverted.length === 0) return labels;
  const full = [...options.evaluated];
  for (const name of options.reverted) {
    if (options.evaluated.has(name)) labels.add(name);
    else if (name.length < 40) {
      const matches = full.filter((sha) => sha.startsWith(name));
      if (matches.length === 1) labels.add(matches[0] ?? '');
    }
  }
  return labels;
};
