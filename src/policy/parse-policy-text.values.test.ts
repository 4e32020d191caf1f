import { describe, expect, it } from 'vitest';
import { parsePolicyText } from './parse-policy-text.js';

const FILE = '.github/review-router.yml';
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

const problemsOf = (text: string) => {
  const result = parsePolicyText(text, FILE);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.error.problems;
};

describe('parsePolicyText with values it must reject', () => {
  it.each([
    {
      case: 'a fraction where a count belongs',
      text: yaml('review:', '  max_comments: 2.5'),
      path: 'review.max_comments',
      line: 2,
      column: 17,
      message: 'expected integer, got 2.5',
      hint: null,
    },
    {
      case: 'max_comments above 100',
      text: yaml('review:', '  max_comments: 500'),
      path: 'review.max_comments',
      line: 2,
      column: 17,
      message: 'must be at most 100, got 500',
      hint: null,
    },
    {
      case: 'a bad risk level in a rule',
      text: yaml('routing:', '  rules:', '    - when: { risk: [hihg] }', '      tier: deep'),
      path: 'routing.rules[0].when.risk[0]',
      line: 3,
      column: 22,
      message: 'expected one of: low, medium, high, critical',
      hint: "did you mean 'high'?",
    },
    {
      case: 'a severity cut short',
      text: yaml('review:', '  min_severity: warn'),
      path: 'review.min_severity',
      line: 2,
      column: 17,
      message: 'expected one of: info, warning, error, critical',
      hint: "did you mean 'warning'?",
    },
    {
      case: 'skip as the default tier',
      text: yaml('routing:', '  default: skip'),
      path: 'routing.default',
      line: 2,
      column: 12,
      message: 'expected one of: fast, deep',
      hint: null,
    },
    {
      case: 'an unknown provider',
      text: yaml('models:', '  deep:', '    provider: google', '    model: gemini'),
      path: 'models.deep.provider',
      line: 3,
      column: 15,
      message:
        'expected one of: openai, anthropic, azure-openai, bedrock, vertex, openai-compatible',
      hint: null,
    },
    {
      case: 'an author association in lower case',
      text: yaml(
        'routing:',
        '  rules:',
        '    - when: { author_association: [member] }',
        '      tier: fast',
      ),
      path: 'routing.rules[0].when.author_association[0]',
      line: 3,
      column: 36,
      message:
        'expected one of: COLLABORATOR, CONTRIBUTOR, FIRST_TIMER, FIRST_TIME_CONTRIBUTOR, MANNEQUIN, MEMBER, NONE, OWNER',
      hint: "did you mean 'MEMBER'?",
    },
    {
      case: 'an effort the provider in the same block does not take',
      text: yaml('models:', '  fast:', '    provider: openai', '    effort: max'),
      path: 'models.fast.effort',
      line: 4,
      column: 13,
      message: "effort 'max' is not available for provider 'openai'",
      hint: 'expected one of: none, minimal, low, medium, high, xhigh',
    },
    {
      case: 'an effort the default provider does not take',
      text: yaml('models:', '  deep:', '    effort: minimal'),
      path: 'models.deep.effort',
      line: 3,
      column: 13,
      message:
        "effort 'minimal' is not available for provider 'anthropic' (anthropic is the provider by default)",
      hint: 'expected one of: low, medium, high, max',
    },
    {
      case: 'a provider changed without its model',
      text: yaml('models:', '  deep:', '    provider: openai'),
      path: 'models.deep.provider',
      line: 3,
      column: 15,
      message:
        "provider changed to 'openai' but the model is still 'claude-opus-4-6', chosen for anthropic by default",
      hint: 'set models.deep.model here too',
    },
    {
      case: 'risk levels out of order in one block',
      text: yaml('risk:', '  levels:', '    medium: 0.7', '    high: 0.5'),
      path: 'risk.levels.high',
      line: 4,
      column: 11,
      message: 'must be greater than medium (0.7), got 0.5',
      hint: null,
    },
    {
      case: 'a risk level below the default beneath it',
      text: yaml('risk:', '  levels: { high: 0.1 }'),
      path: 'risk.levels.high',
      line: 2,
      column: 19,
      message: 'must be greater than medium (0.18), got 0.1',
      hint: 'medium is 0.18 by default: set medium here too, or raise high',
    },
    {
      case: 'a risk level above 1',
      text: yaml('risk:', '  levels: { critical: 1.5 }'),
      path: 'risk.levels.critical',
      line: 2,
      column: 23,
      message: 'must be at most 1, got 1.5',
      hint: null,
    },
    {
      case: 'size thresholds out of order',
      text: yaml('size:', '  changed_lines: { S: 100, M: 80 }'),
      path: 'size.changed_lines.M',
      line: 2,
      column: 31,
      message: 'must be greater than S (100), got 80',
      hint: null,
    },
    {
      case: 'a size threshold below the default beneath it',
      text: yaml('size:', '  changed_lines:', '    S: 300'),
      path: 'size.changed_lines.S',
      line: 3,
      column: 8,
      message: 'must be less than M (250), got 300',
      hint: 'M is 250 by default: set M here too, or lower S',
    },
    {
      case: 'a zero size threshold',
      text: yaml('size:', '  changed_lines: { S: 0 }'),
      path: 'size.changed_lines.S',
      line: 2,
      column: 23,
      message: 'must be greater than 0, got 0',
      hint: null,
    },
    {
      case: 'a negative budget',
      text: yaml('budget:', '  monthly_usd: -5'),
      path: 'budget.monthly_usd',
      line: 2,
      column: 16,
      message: 'must be at least 0, got -5',
      hint: null,
    },
    {
      case: 'a changed_lines range nothing can fall in',
      text: yaml(
        'routing:',
        '  rules:',
        '    - when: { changed_lines: { over: 500, under: 100 } }',
        '      tier: deep',
      ),
      path: 'routing.rules[0].when.changed_lines.under',
      line: 3,
      column: 50,
      message: 'must be greater than over (500), got 100: no change could match',
      hint: null,
    },
    {
      case: 'a changed_lines range with no whole number in it',
      text: yaml(
        'routing:',
        '  rules:',
        '    - when: { changed_lines: { over: 10, under: 11 } }',
        '      tier: deep',
      ),
      path: 'routing.rules[0].when.changed_lines.under',
      line: 3,
      column: 49,
      message:
        'must be greater than over + 1 (11), got 11: no number of lines is more than over and fewer than under',
      hint: null,
    },
    {
      case: 'a batch rule that skips',
      text: yaml('routing:', '  rules:', '    - { when: {}, tier: skip, mode: batch }'),
      path: 'routing.rules[0].mode',
      line: 3,
      column: 37,
      message: 'a rule with tier: skip reviews nothing, so it has nothing to send as a batch',
      hint: 'remove mode, or set tier: fast or deep',
    },
    {
      case: 'a path instruction without paths',
      text: yaml('review:', '  path_instructions:', '    - { paths: [], instructions: Be brief. }'),
      path: 'review.path_instructions[0].paths',
      line: 3,
      column: 16,
      message: 'must list at least 1 item(s)',
      hint: null,
    },
  ])('rejects $case, pointing at the place', ({ case: _case, text, ...expected }) => {
    expect(problemsOf(text)).toEqual([{ file: FILE, ...expected }]);
  });
});
