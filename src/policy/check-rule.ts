/** Checks of a routing rule that its fields' types cannot say: ranges and modes that never apply. */
import type { z } from 'zod';

/** Both bounds are strict: a change must have more than `over` lines and fewer than `under`. */
export const checkChangedLines = (
  range: { readonly over?: number; readonly under?: number },
  ctx: z.RefinementCtx,
): void => {
  if (range.over === undefined || range.under === undefined) return;
  const message =
    range.under <= range.over
      ? `must be greater than over (${range.over}), got ${range.under}: no change could match`
      : range.under === range.over + 1
        ? `must be greater than over + 1 (${range.over + 1}), got ${range.under}: no number of lines is more than over and fewer than under`
        : null;
  if (message !== null) ctx.addIssue({ code: 'custom', path: ['under'], message });
};

/** A skipping rule reviews nothing, so a batch on it has nothing to send. */
export const checkRuleMode = (
  rule: { readonly tier: string; readonly mode?: string },
  ctx: z.RefinementCtx,
): void => {
  if (rule.mode === 'batch' && rule.tier === 'skip')
    ctx.addIssue({
      code: 'custom',
      path: ['mode'],
      message: 'a rule with tier: skip reviews nothing, so it has nothing to send as a batch',
      params: { hint: 'remove mode, or set tier: fast or deep' },
    });
};
