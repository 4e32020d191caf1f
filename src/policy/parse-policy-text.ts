/** One policy file's text to a resolved policy: the CLI's `--policy FILE`. */
import type { Policy } from '../domain/policy.js';
import { err, type Result } from '../domain/result.js';
import { locatePolicyIssues } from './locate-policy-issues.js';
import { parsePolicyYaml } from './parse-policy-yaml.js';
import type { PolicyError } from './types.js';
import { validatePolicyLayers } from './validate-policy-layers.js';

/**
 * YAML syntax, then the strict schema, then the defaults; every problem is located in `text`.
 * An empty file, or one with only comments, is the default policy. `_extends` is accepted but
 * not followed: there is no repository to follow it in. `notFollowed` hears the name it gives.
 */
export const parsePolicyText = (
  text: string,
  file: string,
  notFollowed?: (extendsName: string) => void,
): Result<Policy, PolicyError> => {
  const parsed = parsePolicyYaml(text, file);
  if (!parsed.ok) return err({ problems: parsed.error });
  const named = extendsOf(parsed.value);
  if (named !== null) notFollowed?.(named);
  const result = validatePolicyLayers([{ file, config: parsed.value }]);
  if (result.ok) return result;
  const issues = result.error.map((entry) => entry.issue);
  return err({ problems: locatePolicyIssues({ file, text, issues }) });
};

/** The file a policy's `_extends` names, when it names one. */
export const extendsOf = (config: unknown): string | null => {
  if (typeof config !== 'object' || config === null || !('_extends' in config)) return null;
  const value = config._extends;
  return typeof value === 'string' ? value : null;
};
