import { describe, expect, it } from 'vitest';
import { formatPolicyProblems } from './format-policy-problems.js';
import type { PolicyProblem } from './types.js';

const problem = (overrides: Partial<PolicyProblem> = {}): PolicyProblem => ({
  file: '.github/review-router.yml',
  path: 'routing.rules[0].when.lables',
  line: 7,
  column: 9,
  message: "unknown key 'lables'",
  hint: "did you mean 'labels'?",
  ...overrides,
});

const FIX =
  'Fix the file on the default branch; review-router reads the policy from there, never from the pull request.';

describe('formatPolicyProblems', () => {
  it('lists each problem with file, line, path, message and hint, then says how to fix it', () => {
    expect(formatPolicyProblems({ problems: [problem()] })).toBe(
      [
        'The review-router policy has 1 problem:',
        '',
        "- `.github/review-router.yml` line 7: `routing.rules[0].when.lables`: unknown key 'lables' — did you mean 'labels'?",
        '',
        FIX,
      ].join('\n'),
    );
  });

  it.each([
    {
      case: 'without a line when the text could not be read',
      overrides: { line: null, column: null },
      expected:
        "- `.github/review-router.yml`: `routing.rules[0].when.lables`: unknown key 'lables' — did you mean 'labels'?",
    },
    {
      case: 'without a path for a problem with the whole file',
      overrides: { path: '', message: 'invalid YAML: Map keys must be unique', hint: null },
      expected: '- `.github/review-router.yml` line 7: invalid YAML: Map keys must be unique',
    },
    {
      case: 'with the repository in the file name of an inherited file',
      overrides: { file: 'acme/.github:.github/review-router.yml', hint: null },
      expected:
        "- `acme/.github:.github/review-router.yml` line 7: `routing.rules[0].when.lables`: unknown key 'lables'",
    },
    {
      case: 'with a backtick in a key unable to break the code span',
      overrides: { path: 'review.a`b', hint: null, message: "unknown key 'a`b'" },
      expected: "- `.github/review-router.yml` line 7: `review.a'b`: unknown key 'a`b'",
    },
  ])('renders a problem $case', ({ overrides, expected }) => {
    expect(formatPolicyProblems({ problems: [problem(overrides)] }).split('\n')[2]).toBe(expected);
  });

  it('counts several problems in the heading', () => {
    const text = formatPolicyProblems({ problems: [problem(), problem({ line: 9 })] });
    expect(text.split('\n').slice(0, 4)).toEqual([
      'The review-router policy has 2 problems:',
      '',
      expect.stringContaining('line 7'),
      expect.stringContaining('line 9'),
    ]);
  });

  it('lists at most 50 problems and says how many more there are', () => {
    const problems = Array.from({ length: 60 }, (_, index) => problem({ line: index + 1 }));
    const lines = formatPolicyProblems({ problems }).split('\n');
    expect(lines.filter((line) => line.startsWith('- `'))).toHaveLength(50);
    expect(lines).toContain('- …and 10 more');
  });

  it('clips a very long key so the check run stays readable', () => {
    const key = 'k'.repeat(5000);
    const text = formatPolicyProblems({
      problems: [problem({ path: key, message: `unknown key '${key}'` })],
    });
    expect(text.length).toBeLessThan(1000);
  });
});
