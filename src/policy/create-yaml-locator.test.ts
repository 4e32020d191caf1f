import { describe, expect, it } from 'vitest';
import { createYamlLocator } from './create-yaml-locator.js';
import { formatPolicyPath } from './format-policy-path.js';
import type { PathSegment } from './types.js';

const TEXT = [
  'routing:', //                                          line 1
  '  rules:', //                                          line 2
  '    - when: { labels: [a, b] }', //                    line 3
  '      tier: deep', //                                  line 4
  '    - when:', //                                       line 5
  '        size: [XL]', //                                line 6
  '      tier: fast', //                                  line 7
  "'quoted key': 1", //                                   line 8
].join('\n');

interface Case {
  readonly path: PathSegment[];
  readonly at: 'key' | 'value';
  readonly line: number;
  readonly column: number;
}
const named = (cases: Case[]) =>
  cases.map((entry) => ({ ...entry, name: formatPolicyPath(entry.path) }));

describe('createYamlLocator', () => {
  const locate = createYamlLocator(TEXT);

  it.each(
    named([
      { path: ['routing'], at: 'key', line: 1, column: 1 },
      { path: ['routing', 'rules', 0, 'tier'], at: 'key', line: 4, column: 7 },
      { path: ['routing', 'rules', 0, 'tier'], at: 'value', line: 4, column: 13 },
      { path: ['routing', 'rules', 0, 'when', 'labels', 1], at: 'value', line: 3, column: 27 },
      { path: ['routing', 'rules', 1, 'when', 'size'], at: 'key', line: 6, column: 9 },
      { path: ['routing', 'rules', 1], at: 'value', line: 5, column: 7 },
      { path: ['quoted key'], at: 'key', line: 8, column: 1 },
    ]),
  )('finds the $at of $name on line $line, column $column', ({ path, at, line, column }) => {
    expect(locate(path, at)).toEqual({ line, column });
  });

  it.each(
    named([
      { path: ['routing', 'rules', 1, 'tier', 'nested'], at: 'key', line: 7, column: 13 },
      { path: ['routing', 'rules', 5], at: 'key', line: 3, column: 5 },
      { path: ['routing', 'missing'], at: 'key', line: 2, column: 3 },
    ]),
  )(
    'points $name, which leads nowhere, at the deepest node that exists',
    ({ path, at, line, column }) => {
      expect(locate(path, at)).toEqual({ line, column });
    },
  );

  it('points at the start of an empty file', () => {
    expect(createYamlLocator('')(['enabled'], 'key')).toEqual({ line: 1, column: 1 });
  });
});
