import { describe, expect, it } from 'vitest';
import { formatPolicyPath } from './format-policy-path.js';

describe('formatPolicyPath', () => {
  it.each([
    { path: [], expected: '' },
    { path: ['enabled'], expected: 'enabled' },
    { path: ['routing', 'rules', 0, 'when', 'lables'], expected: 'routing.rules[0].when.lables' },
    { path: ['review', 'max-comments'], expected: 'review.max-comments' },
    { path: ['skip', 'a.b'], expected: 'skip["a.b"]' },
    { path: ['quoted key'], expected: '["quoted key"]' },
  ])('writes $expected', ({ path, expected }) => {
    expect(formatPolicyPath(path)).toBe(expected);
  });
});
