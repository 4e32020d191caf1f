/** Test helper: the default policy of DESIGN.md section 3, for classify and route tests. */
import { DEFAULT_POLICY } from '../policy/default-policy.js';

export const testPolicy = DEFAULT_POLICY;
