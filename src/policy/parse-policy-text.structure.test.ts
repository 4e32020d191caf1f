import { describe, expect, it } from 'vitest';
import { parsePolicyText } from './parse-policy-text.js';

const FILE = '.github/review-router.yml';
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

const problemsOf = (text: string) => {
  const result = parsePolicyText(text, FILE);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.error.problems;
};

describe('parsePolicyText with keys, types or YAML it must reject', () => {
  it.each([
    {
      case: 'an unknown top-level key',
      text: yaml('enabled: true', 'modles:', '  fast: { model: x }'),
      path: 'modles',
      line: 2,
      column: 1,
      message: "unknown key 'modles'",
      hint: "did you mean 'models'?",
    },
    {
      case: 'an unknown key deep in a rule',
      text: yaml('routing:', '  rules:', '    - tier: deep', '      when:', '        lables: [x]'),
      path: 'routing.rules[0].when.lables',
      line: 5,
      column: 9,
      message: "unknown key 'lables'",
      hint: "did you mean 'labels'?",
    },
    {
      case: 'an unknown key in a flow mapping',
      text: yaml('routing:', '  rules:', '    - { when: { sise: [XL] }, tier: deep }'),
      path: 'routing.rules[0].when.sise',
      line: 3,
      column: 17,
      message: "unknown key 'sise'",
      hint: "did you mean 'size'?",
    },
    {
      case: 'a misspelt key under a refined block',
      text: yaml('risk:', '  levels:', '    hgih: 0.7'),
      path: 'risk.levels.hgih',
      line: 3,
      column: 5,
      message: "unknown key 'hgih'",
      hint: "did you mean 'high'?",
    },
    {
      case: 'an _extends Probot cannot follow',
      text: yaml('_extends: acme/.github:policy.json'),
      path: '_extends',
      line: 1,
      column: 11,
      message: "expected 'repo', 'owner/repo' or 'owner/repo:path/to/file.yml'",
      hint: null,
    },
    {
      case: 'a key written with a dash',
      text: yaml('review:', '  max-comments: 5'),
      path: 'review.max-comments',
      line: 2,
      column: 3,
      message: "unknown key 'max-comments'",
      hint: "did you mean 'max_comments'?",
    },
    {
      case: 'an unknown key nothing like an allowed one',
      text: yaml('skip:', '  drafts: true', '  reviewers: [a]'),
      path: 'skip.reviewers',
      line: 3,
      column: 3,
      message: "unknown key 'reviewers'",
      hint: 'the keys allowed here are: drafts, labels, authors, only_paths',
    },
    {
      case: '_extends below the top level',
      text: yaml('review:', '  _extends: other'),
      path: 'review._extends',
      line: 2,
      column: 3,
      message: "unknown key '_extends'",
      hint: 'it belongs at the top level of the file',
    },
    {
      case: 'a null key, on the line that holds it',
      text: yaml('review:', '  max_comments: 3', 'null: 1'),
      path: '[""]',
      line: 3,
      column: 1,
      message: "unknown key ''",
      hint: 'the keys allowed here are: _extends, enabled, models, routing, skip, risk, size, review, budget',
    },
    {
      case: 'a key written at the wrong level',
      text: yaml('max_comments: 3'),
      path: 'max_comments',
      line: 1,
      column: 1,
      message: "unknown key 'max_comments'",
      hint: 'did you mean review.max_comments?',
    },
    {
      case: 'a YAML 1.1 merge key',
      text: yaml('review: &r', '  max_comments: 3', 'risk:', '  <<: *r'),
      path: 'risk["<<"]',
      line: 4,
      column: 3,
      message: "unknown key '<<'",
      hint: 'YAML 1.2 has no merge keys: write the keys out, or share settings with _extends',
    },
    {
      case: 'a number written as a string',
      text: yaml('review:', '  max_comments: "30"'),
      path: 'review.max_comments',
      line: 2,
      column: 17,
      message: 'expected number, got string',
      hint: 'remove the quotes: 30',
    },
    {
      case: 'yes for a boolean',
      text: yaml('enabled: yes'),
      path: 'enabled',
      line: 1,
      column: 10,
      message: 'expected boolean, got string',
      hint: "write true or false ('yes' is text in YAML 1.2)",
    },
    {
      case: 'a single label where a list belongs',
      text: yaml('skip:', '  labels: review:skip'),
      path: 'skip.labels',
      line: 2,
      column: 11,
      message: 'expected list, got string',
      hint: 'write a list, e.g. ["review:skip"]',
    },
    {
      case: 'a key left without a value',
      text: yaml('skip:', '  authors:', '  drafts: false'),
      path: 'skip.authors',
      line: 2,
      column: 11,
      message: 'expected list, got null',
      hint: 'give it a value, or remove the key to keep the default',
    },
    {
      case: 'a section given as a string',
      text: yaml('models: gpt-5'),
      path: 'models',
      line: 1,
      column: 9,
      message: 'expected object, got string',
      hint: null,
    },
    {
      case: 'a rule without a tier',
      text: yaml('routing:', '  rules:', '    - when: { labels: [x] }'),
      path: 'routing.rules[0].tier',
      line: 3,
      column: 7,
      message: "missing required key 'tier'",
      hint: 'expected one of: skip, fast, deep',
    },
    {
      case: 'a rule without conditions',
      text: yaml('routing:', '  rules:', '    - tier: deep'),
      path: 'routing.rules[0].when',
      line: 3,
      column: 7,
      message: "missing required key 'when'",
      hint: 'every rule needs a when; the tier for pull requests no rule matches is routing.default',
    },
    {
      case: 'a list for the whole file',
      text: yaml('- enabled: true'),
      path: '',
      line: 1,
      column: 1,
      message: 'expected object, got list',
      hint: null,
    },
    {
      case: 'an unclosed flow sequence',
      text: yaml('skip:', '  labels: [a, b', 'enabled: true'),
      path: '',
      line: 3,
      column: 1,
      message:
        'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      hint: 'check the indentation and that every [ or { is closed',
    },
    {
      case: 'a key given twice',
      text: yaml('enabled: true', 'routing:', '  default: deep', 'enabled: false'),
      path: 'enabled',
      line: 4,
      column: 1,
      message: 'invalid YAML: Map keys must be unique',
      hint: 'each key may appear once in a mapping: remove or merge the repeated one',
    },
    {
      case: 'a key given twice in a nested mapping',
      text: yaml('review:', '  max_comments: 1', '  max_comments: 2'),
      path: 'review.max_comments',
      line: 3,
      column: 3,
      message: 'invalid YAML: Map keys must be unique',
      hint: 'each key may appear once in a mapping: remove or merge the repeated one',
    },
    {
      case: 'a key given twice in a mapping of a list',
      text: yaml(
        'routing:',
        '  rules:',
        '    - { when: { labels: [a] }, tier: deep }',
        '    - when: { labels: [b], labels: [c] }',
        '      tier: deep',
      ),
      path: 'routing.rules[1].when.labels',
      line: 4,
      column: 28,
      message: 'invalid YAML: Map keys must be unique',
      hint: 'each key may appear once in a mapping: remove or merge the repeated one',
    },
    {
      case: 'a tab used for indentation',
      text: yaml('review:', '\tmax_comments: 3'),
      path: '',
      line: 2,
      column: 1,
      message: 'invalid YAML: Tabs are not allowed as indentation',
      hint: 'indent with spaces, not tabs',
    },
  ])('rejects $case, pointing at the place', ({ case: _case, text, ...expected }) => {
    expect(problemsOf(text)).toEqual([{ file: FILE, ...expected }]);
  });

  it('reports every problem in the file, not only the first', () => {
    const text = yaml('enabeld: true', 'review:', '  max_comments: many', '  min_severity: low');
    expect(problemsOf(text).map((problem) => [problem.path, problem.line])).toEqual([
      ['enabeld', 1],
      ['review.max_comments', 3],
      ['review.min_severity', 4],
    ]);
  });

  it('follows an alias to report where the aliased value is written', () => {
    const text = yaml('skip:', '  labels: &labels [a]', '  authors: *labels', '  drafts: nope');
    expect(problemsOf(text)).toMatchObject([{ path: 'skip.drafts', line: 4, column: 11 }]);
  });
});
