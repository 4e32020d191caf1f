/** Test helper: the default policy (docs/policy.md), for classify and route tests. */
import { DEFAULT_POLICY } from '../policy/default-policy.js';

export const testPolicy = DEFAULT_POLICY;
