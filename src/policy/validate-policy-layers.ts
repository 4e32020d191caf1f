/** Validates each policy file on its own, then the layering, then resolves the policy. */
import type { Policy } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import { checkPolicyLayers, type LayerIssue } from './check-policy-layers.js';
import { describeZodIssues } from './describe-zod-issues.js';
import { resolvePolicy } from './resolve-policy.js';
import { PolicyFile } from './schema.js';
import type { PolicyLayer } from './types.js';

/**
 * `layers` are parsed files, parents first. Each file is checked separately, so an issue names
 * the file it is in; checks across files run only when every file is valid on its own.
 */
export const validatePolicyLayers = (
  layers: readonly PolicyLayer[],
): Result<Policy, LayerIssue[]> => {
  const issues: LayerIssue[] = [];
  const checked: { file: string; config: PolicyFile }[] = [];
  for (const [layer, { file, config }] of layers.entries()) {
    const parsed = PolicyFile.safeParse(config);
    if (parsed.success) {
      checked.push({ file, config: parsed.data });
    } else {
      for (const issue of describeZodIssues(parsed.error.issues, config, PolicyFile)) {
        issues.push({ layer, issue });
      }
    }
  }
  if (issues.length > 0) return err(issues);
  const layered = checkPolicyLayers(checked);
  if (layered.length > 0) return err(layered);
  return ok(resolvePolicy(checked.map((layer) => layer.config)));
};
