import { describe, expect, it } from 'vitest';
import { classifyChange } from '../classify/classify-change.js';
import { testDiff, testFile } from '../classify/test-diff.js';
import type { FileChange } from '../domain/diff.js';
import type { RouteTier } from '../domain/review-job.js';
import { chooseTier } from '../route/choose-tier.js';
import { testPullRequest } from '../route/test-route-input.js';
import { DEFAULT_POLICY } from './default-policy.js';

const route = (files: readonly FileChange[]) => {
  const diff = testDiff(files);
  const classification = classifyChange({ diff, policy: DEFAULT_POLICY });
  return chooseTier({
    policy: DEFAULT_POLICY,
    classification,
    diff,
    pr: testPullRequest(),
    forcedTier: null,
    budget: null,
  });
};

const lines = (count: number) => Array.from({ length: count }, (_, i) => `const v${i} = ${i};`);

describe('the default policy', () => {
  it.each<[string, readonly FileChange[], RouteTier, string, RegExp]>([
    [
      'a two-line change to source code',
      [testFile('src/format.ts', { added: lines(2), deletions: 1 })],
      'fast',
      'routing.default',
      /^routine change: size XS, risk low \(routing\.default\)$/,
    ],
    [
      'twenty new lines of source code',
      [testFile('src/format.ts', { added: lines(20) })],
      'deep',
      'routing.rules[1]',
      /^risk medium: adds 20 lines of source code in src\/format\.ts$/,
    ],
    [
      'a change to authentication code',
      [testFile('src/auth/session.ts', { added: lines(3) })],
      'deep',
      'routing.rules[1]',
      /^risk high: touches authentication code in src\/auth\//,
    ],
    [
      'a test-only change of any size',
      [testFile('test/format.test.ts', { added: lines(200) })],
      'fast',
      'routing.default',
      /risk low/,
    ],
    [
      'documentation only',
      [testFile('docs/guide.md', { added: lines(300) })],
      'skip',
      'skip.only_paths',
      /only documentation changed/,
    ],
  ])('routes %s to %s, saying why', (_case, files, tier, rule, reason) => {
    const decision = route(files);
    expect(decision).toMatchObject({ tier, rule });
    expect(decision.reason).toMatch(reason);
  });

  it('starts the deep tier at risk medium, and keeps the levels increasing', () => {
    const { levels } = DEFAULT_POLICY.risk;
    expect(levels.medium).toBeLessThan(levels.high);
    expect(levels.high).toBeLessThan(levels.critical);
    expect(DEFAULT_POLICY.routing.rules[1]).toEqual({
      when: { risk: ['medium', 'high', 'critical'] },
      tier: 'deep',
    });
  });
});
