import { describe, expect, it } from 'vitest';
import { contextLevelOf } from '../review/context-level.js';
import { parsePolicyText } from './parse-policy-text.js';

const FILE = '.github/review-router.yml';

describe('models.<tier>.context in the policy file', () => {
  it('sets a tier context level and leaves the other tier at its default', () => {
    const result = parsePolicyText('models:\n  deep:\n    context: files\n', FILE);
    if (!result.ok) throw new Error('expected a valid policy');
    expect(contextLevelOf(result.value, 'deep')).toBe('files');
    expect(contextLevelOf(result.value, 'fast')).toBe('functions');
  });

  it('defaults to functions on the fast tier and related on the deep tier', () => {
    const result = parsePolicyText('enabled: true\n', FILE);
    if (!result.ok) throw new Error('expected a valid policy');
    expect(contextLevelOf(result.value, 'fast')).toBe('functions');
    expect(contextLevelOf(result.value, 'deep')).toBe('related');
  });

  it('rejects an unknown level with its line and path', () => {
    const result = parsePolicyText('models:\n  fast:\n    context: everything\n', FILE);
    if (result.ok) throw new Error('expected the policy to be rejected');
    const [problem] = result.error.problems;
    expect(problem?.path).toBe('models.fast.context');
    expect(problem?.line).toBe(3);
  });
});
