/**
 * The structured answer both providers are asked for.
 *
 * The JSON schema the providers receive is derived from `ModelAnswer`, so it stays inside what
 * both structured-output modes accept: every field required, `.nullable()` instead of
 * `.optional()`, enums, integers and an item limit. String lengths are not JSON-schema keywords
 * here (OpenAI's strict mode rejects `maxLength`): they are refinements, checked on the way back
 * and announced to the model in each field's description.
 */
import { z } from 'zod';
import type { ModelAnswer as DomainModelAnswer } from '../domain/model-answer.js';
import { err, ok, type Result } from '../domain/result.js';
import { MAX_FINDINGS } from './max-findings.js';

export { MAX_FINDINGS } from './max-findings.js';

const text = (description: string, max: number) =>
  z
    .string()
    .describe(`${description} At most ${max} characters.`)
    .refine((value) => value.length <= max, { message: `expected at most ${max} characters` });

const nonEmptyText = (description: string, max: number) =>
  text(description, max).refine((value) => value.trim() !== '', {
    message: 'expected a non-empty string',
  });

const lineNumber = (description: string) => z.number().int().min(1).describe(description);

export const Finding = z.object({
  path: nonEmptyText('The file path exactly as shown in the pull request data.', 1_000),
  line: lineNumber(
    'The line the finding is about (the last line of a range), as numbered in the diff for `side`.',
  ),
  start_line: lineNumber(
    'The first line of a multi-line range on the same side, or null for a single line.',
  ).nullable(),
  side: z
    .enum(['RIGHT', 'LEFT'])
    .describe('RIGHT: a new-file line number (added or context); LEFT: an old-file line number.'),
  severity: z.enum(['info', 'warning', 'error', 'critical']),
  category: nonEmptyText('One lowercase word or kebab-case phrase, e.g. security, bug.', 50),
  title: nonEmptyText('One line naming the problem.', 200),
  body: nonEmptyText('Why it is a problem and how to fix it, in Markdown.', 8_000),
  suggestion: text(
    'Replacement code for exactly the cited lines, or null when there is no direct fix.',
    8_000,
  ).nullable(),
  // Optional on the way back (an older answer without it reads as null), required in the schema.
  confidence: z
    .number()
    .describe('How sure you are that this is a real problem: 0 a guess, 1 certain; or null.')
    .refine((value) => value >= 0 && value <= 1, { message: 'expected a number from 0 to 1' })
    .nullable()
    .default(null),
});

export const ModelAnswer = z.object({
  summary: nonEmptyText('One to three paragraphs for the review body, in Markdown.', 10_000),
  escalate: z.object({
    needed: z.boolean().describe('True when this change needs a deeper review than this one.'),
    reason: text('Why a deeper review is needed; an empty string when it is not.', 1_000),
  }),
  findings: z
    .array(Finding)
    .max(MAX_FINDINGS)
    .describe(`At most ${MAX_FINDINGS} findings, the most important first.`),
});

export type Finding = z.infer<typeof Finding>;
export type ModelAnswer = z.infer<typeof ModelAnswer>;

/**
 * What an answer that arrives as text may leave out, as the answer contract allows: a finding's
 * `start_line` and `suggestion` (null), and `escalate`, which only the fast tier has a use for (no
 * escalation). The schema the providers receive keeps every field required, and no default: strict
 * structured output refuses both.
 */
const TextAnswer = ModelAnswer.extend({
  escalate: ModelAnswer.shape.escalate.default({ needed: false, reason: '' }),
  findings: z
    .array(
      Finding.extend({
        start_line: Finding.shape.start_line.default(null),
        suggestion: Finding.shape.suggestion.default(null),
      }),
    )
    .max(MAX_FINDINGS),
});

const MAX_REPORTED_ISSUES = 5;

/**
 * Validates an answer that arrived as text (a provider without structured output, or the repair
 * attempt). The error names the first problems by path: `findings[2].line: expected number`.
 */
export const parseModelAnswer = (raw: string): Result<DomainModelAnswer, string> => {
  let data: unknown;
  try {
    data = JSON.parse(stripCodeFence(raw));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(`the answer is not valid JSON (${reason})`);
  }
  const parsed = TextAnswer.safeParse(data);
  if (parsed.success) return ok(withoutNullConfidence(parsed.data));
  const { issues } = parsed.error;
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => describeIssue(issue, data));
  const more = issues.length - listed.length;
  return err(listed.join('; ') + (more > 0 ? `; and ${more} more` : ''));
};

/** A finding whose confidence is null carries none: the domain's field is optional. */
const withoutNullConfidence = (answer: ModelAnswer): DomainModelAnswer => ({
  ...answer,
  findings: answer.findings.map(({ confidence, ...finding }) =>
    confidence === null ? finding : { ...finding, confidence },
  ),
});

/** A model answering in plain text sometimes wraps its JSON in a Markdown code fence. */
const stripCodeFence = (raw: string): string => {
  const trimmed = raw.trim();
  const fenced = /^```[a-zA-Z]*\n([\s\S]*)\n```$/.exec(trimmed);
  return fenced?.[1] ?? trimmed;
};

type Issue = z.core.$ZodIssue;

const describeIssue = (issue: Issue, data: unknown): string =>
  `${formatPath(issue.path)}: ${describeProblem(issue, valueAt(data, issue.path))}`;

const describeProblem = (issue: Issue, value: unknown): string => {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `expected ${issue.expected}, but it is missing`
        : `expected ${issue.expected}, received ${kindOf(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}, received ${preview(value)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${String(issue.maximum)} items, received ${Array.isArray(value) ? value.length : '?'}`
        : `expected at most ${String(issue.maximum)}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}, received ${preview(value)}`;
    default:
      return issue.message;
  }
};

/** `['findings', 2, 'line']` -> `findings[2].line`; the root is `(answer)`. */
const formatPath = (path: readonly PropertyKey[]): string => {
  if (path.length === 0) return '(answer)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
};

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

/** A received value as JSON, cut short: the message must stay readable whatever the model sent. */
const PREVIEW_CHARS = 80;
const preview = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= PREVIEW_CHARS ? json : `${json.slice(0, PREVIEW_CHARS)}…`;
};

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `number ${value}`;
  return typeof value;
};
