import type { SizeClass } from '../domain/classification.js';
import type { Policy } from '../domain/policy.js';

/**
 * The size class of a change from its changed lines and the policy's thresholds: a class is
 * reached AT its threshold. With the defaults (S 50, M 250, L 1000, XL 4000): 0-49 lines XS,
 * 50-249 S, 250-999 M, 1000-3999 L, 4000 and more XL.
 */
export const classifySize = (
  changedLines: number,
  thresholds: Policy['size']['changed_lines'],
): SizeClass => {
  if (changedLines < thresholds.S) return 'XS';
  if (changedLines < thresholds.M) return 'S';
  if (changedLines < thresholds.L) return 'M';
  if (changedLines < thresholds.XL) return 'L';
  return 'XL';
};
