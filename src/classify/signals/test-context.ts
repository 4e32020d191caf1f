/** Test helper: the signal context of a hand-written diff, with the default test policy. */
import type { FileChange } from '../../domain/diff.js';
import type { Policy } from '../../domain/policy.js';
import { buildSignalContext } from '../build-signal-context.js';
import { testDiff } from '../test-diff.js';
import { testPolicy } from '../test-policy.js';
import type { SignalContext } from '../types.js';

export const testContext = (
  files: readonly FileChange[],
  options: { readonly policy?: Policy; readonly authorAssociation?: string | null } = {},
): SignalContext =>
  buildSignalContext({
    diff: testDiff(files),
    policy: options.policy ?? testPolicy,
    authorAssociation: options.authorAssociation ?? null,
  });
