import { describe, expect, it } from 'vitest';
import { testDiff, testFile } from '../classify/test-diff.js';
import { testPolicy } from '../classify/test-policy.js';
import type { RouteInput } from './types.js';
import { findSkipRule } from './find-skip-rule.js';
import { testPullRequest, testRouteInput } from './test-route-input.js';

const files = (...paths: string[]) =>
  testDiff(paths.map((path) => testFile(path, { additions: 1 })));

describe('findSkipRule', () => {
  it.each<[string, Partial<RouteInput>, string, string]>([
    [
      'a draft',
      { pr: testPullRequest({ draft: true }) },
      'skip.drafts',
      'draft pull request (skip.drafts)',
    ],
    [
      'a skip label',
      { pr: testPullRequest({ labels: ['bug', 'review:skip'] }) },
      'skip.labels',
      'label review:skip (skip.labels)',
    ],
    [
      'a skip label in other case',
      { pr: testPullRequest({ labels: ['Review:Skip'] }) },
      'skip.labels',
      'label Review:Skip (skip.labels)',
    ],
    [
      'a bot author',
      { pr: testPullRequest({ author: 'dependabot[bot]' }) },
      'skip.authors',
      'author dependabot[bot] (skip.authors)',
    ],
    ['no files', { diff: files() }, 'skip.empty', 'no changed files'],
    [
      'only markdown',
      { diff: files('README.md', 'docs/guide.md') },
      'skip.only_paths',
      'only documentation changed (skip.only_paths)',
    ],
    [
      'only docs/',
      { diff: files('docs/img/diagram.png') },
      'skip.only_paths',
      'only documentation changed (skip.only_paths)',
    ],
  ])('skips %s', (_case, overrides, rule, reason) => {
    expect(findSkipRule(testRouteInput(overrides))).toEqual({ tier: 'skip', rule, reason });
  });

  it.each<[string, Partial<RouteInput>]>([
    ['an ordinary pull request', {}],
    [
      'a draft when drafts are reviewed',
      {
        pr: testPullRequest({ draft: true }),
        policy: { ...testPolicy, skip: { ...testPolicy.skip, drafts: false } },
      },
    ],
    ['markdown and code together', { diff: files('README.md', 'src/a.ts') }],
    ['a label that is not a skip label', { pr: testPullRequest({ labels: ['review:deep'] }) }],
    ['a human author', { pr: testPullRequest({ author: 'dependabot' }) }],
    [
      'only markdown when only_paths is empty',
      {
        diff: files('README.md'),
        policy: { ...testPolicy, skip: { ...testPolicy.skip, only_paths: [] } },
      },
    ],
    [
      'only markdown among the files GitHub listed, when it listed only the first 3,000',
      { diff: { ...files('README.md', 'docs/guide.md'), truncated: true } },
    ],
  ])('does not skip %s', (_case, overrides) => {
    expect(findSkipRule(testRouteInput(overrides))).toBeNull();
  });

  it('names the globs when the skipped files are not documentation', () => {
    const policy = {
      ...testPolicy,
      skip: { ...testPolicy.skip, only_paths: ['**/*.png', 'assets/**'] },
    };
    expect(
      findSkipRule(testRouteInput({ policy, diff: files('assets/a.svg', 'logo.png') })),
    ).toEqual({
      tier: 'skip',
      rule: 'skip.only_paths',
      reason: 'only files matching **/*.png, assets/** changed (skip.only_paths)',
    });
  });

  it('checks drafts before labels and labels before authors', () => {
    const pr = testPullRequest({ draft: true, labels: ['review:skip'], author: 'renovate[bot]' });
    expect(findSkipRule(testRouteInput({ pr }))?.rule).toBe('skip.drafts');
    expect(findSkipRule(testRouteInput({ pr: { ...pr, draft: false } }))?.rule).toBe('skip.labels');
  });
});
