/** Layers policy files over the defaults: DEFAULT_POLICY ← parent files ← the repository's file. */
import type { Policy } from '../domain/policy.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { mergeOverride } from './merge-override.js';
import { PolicyFile } from './schema.js';

/**
 * `files` are parsed policy files, parents first (the repository's own file last); null or
 * undefined entries (no file) are passed over. Objects merge key by key, arrays replace.
 * Each file must already be valid (see `validatePolicyLayers`): an invalid one is a bug here,
 * and throws.
 */
/** `_extends` names where the file came from; it is not a setting. */
const withoutExtends = ({ _extends: _from, ...settings }: PolicyFile) => settings;

export const resolvePolicy = (files: readonly unknown[]): Policy =>
  files.reduce<Policy>((policy, file) => {
    if (file === null || file === undefined) return policy;
    return mergeOverride(policy, withoutExtends(PolicyFile.parse(file)));
  }, DEFAULT_POLICY);
