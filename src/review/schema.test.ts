import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { zodTextFormat } from 'openai/helpers/zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ModelAnswer as DomainModelAnswer } from '../domain/model-answer.js';
import { ModelAnswer, parseModelAnswer } from './schema.js';

const finding = (overrides: Record<string, unknown> = {}) => ({
  path: 'src/auth/session.ts',
  line: 42,
  start_line: null,
  side: 'RIGHT',
  severity: 'error',
  category: 'security',
  title: 'Session token compared with ===',
  body: 'Use a constant-time comparison.',
  suggestion: 'return timingSafeEqual(a, b);',
  ...overrides,
});

const answer = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Adds session expiry.',
  escalate: { needed: false, reason: '' },
  findings: [finding()],
  ...overrides,
});

/** `value` without `keys`, as an answer that leaves them out. */
const without = (value: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

const collectKeys = (value: unknown, keys = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => collectKeys(item, keys));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      collectKeys(child, keys);
    }
  }
  return keys;
};

describe('ModelAnswer', () => {
  it('infers a type that the domain ModelAnswer accepts', () => {
    expectTypeOf<ModelAnswer>().toExtend<DomainModelAnswer>();
  });

  it('gives OpenAI a strict schema: every field required, nullable fields, no length keywords', () => {
    const format = zodTextFormat(ModelAnswer, 'review');
    const schema = format.schema as {
      required: string[];
      properties: {
        findings: { items: { required: string[]; properties: Record<string, unknown> } };
      };
    };
    const item = schema.properties.findings.items;

    expect(format.strict).toBe(true);
    expect(schema.required).toEqual(['summary', 'escalate', 'findings']);
    expect(item.required).toEqual(Object.keys(item.properties));
    expect(item.properties['start_line']).toMatchObject({
      anyOf: [{ type: 'integer' }, { type: 'null' }],
    });
    expect(item.properties['suggestion']).toMatchObject({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(collectKeys(schema)).not.toContain('maxLength');
  });

  it('asks both providers for a confidence that is a number or null, in every finding', () => {
    for (const schema of [
      zodTextFormat(ModelAnswer, 'review').schema,
      zodOutputFormat(ModelAnswer).schema,
    ] as Array<Record<string, any>>) {
      const items = schema.properties.findings.items;
      // Anthropic's helper names the finding schema once, in $defs.
      const item = items.$ref ? schema.$defs[String(items.$ref).split('/').at(-1) ?? ''] : items;
      expect(item.required).toContain('confidence');
      expect(item.properties.confidence).toMatchObject({
        anyOf: [{ type: 'number' }, { type: 'null' }],
      });
    }
  });

  it('gives Anthropic an output format with the same required fields', () => {
    const format = zodOutputFormat(ModelAnswer);

    expect(format.type).toBe('json_schema');
    expect(format.schema['required']).toEqual(['summary', 'escalate', 'findings']);
  });
});

describe('parseModelAnswer', () => {
  it('accepts a valid answer', () => {
    const result = parseModelAnswer(JSON.stringify(answer()));

    expect(result).toEqual({ ok: true, value: answer() });
  });

  it('keeps a confidence from 0 to 1 and leaves a null or missing one out', () => {
    const result = parseModelAnswer(
      JSON.stringify(
        answer({
          findings: [finding({ confidence: 0.8 }), finding({ confidence: null }), finding()],
        }),
      ),
    );

    expect(result.ok && result.value.findings.map((item) => item.confidence)).toEqual([
      0.8,
      undefined,
      undefined,
    ]);
    expect(result.ok && Object.keys(result.value.findings[1] ?? {})).not.toContain('confidence');
  });

  it('reads a left-out start_line, suggestion and escalate as the answer contract allows', () => {
    const bare = without(finding(), 'start_line', 'suggestion');
    const result = parseModelAnswer(
      JSON.stringify(without(answer({ findings: [bare] }), 'escalate')),
    );

    expect(result).toEqual({
      ok: true,
      value: answer({ findings: [finding({ suggestion: null })] }),
    });
  });

  it('still refuses a finding without a line', () => {
    const lineless = without(finding(), 'line');
    expect(parseModelAnswer(JSON.stringify(answer({ findings: [lineless] })))).toEqual({
      ok: false,
      error: 'findings[0].line: expected number, but it is missing',
    });
  });

  it('refuses a confidence outside 0 to 1', () => {
    expect(
      parseModelAnswer(JSON.stringify(answer({ findings: [finding({ confidence: 1.5 })] }))),
    ).toEqual({ ok: false, error: 'findings[0].confidence: expected a number from 0 to 1' });
  });

  it('accepts an answer wrapped in a Markdown code fence', () => {
    const result = parseModelAnswer('```json\n' + JSON.stringify(answer()) + '\n```');

    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'a wrong type',
      answer({ findings: [finding(), finding(), finding({ line: '12' })] }),
      'findings[2].line: expected number, received string',
    ],
    [
      'a missing field',
      answer({ escalate: { needed: true } }),
      'escalate.reason: expected string, but it is missing',
    ],
    [
      'a side outside the enum',
      answer({ findings: [finding({ side: 'UP' })] }),
      'findings[0].side: expected one of "RIGHT", "LEFT", received "UP"',
    ],
    [
      'a line below 1',
      answer({ findings: [finding({ line: 0 })] }),
      'findings[0].line: expected at least 1, received 0',
    ],
    [
      'a fractional line',
      answer({ findings: [finding({ line: 1.5 })] }),
      'findings[0].line: expected int, received number 1.5',
    ],
    [
      'an overlong title',
      answer({ findings: [finding({ title: 't'.repeat(201) })] }),
      'findings[0].title: expected at most 200 characters',
    ],
    [
      'an empty body',
      answer({ findings: [finding({ body: '  ' })] }),
      'findings[0].body: expected a non-empty string',
    ],
    [
      'too many findings',
      answer({ findings: Array.from({ length: 51 }, () => finding()) }),
      'findings: expected at most 50 items, received 51',
    ],
    ['an array instead of an object', [], '(answer): expected object, received array'],
  ])('locates %s in its error message', (_name, value, message) => {
    expect(parseModelAnswer(JSON.stringify(value))).toEqual({ ok: false, error: message });
  });

  it('reports text that is not JSON', () => {
    const result = parseModelAnswer('Looks good to me!');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^the answer is not valid JSON/);
  });

  it('lists the first five problems and counts the rest', () => {
    const result = parseModelAnswer(
      JSON.stringify({ findings: Array.from({ length: 7 }, () => ({})) }),
    );

    expect(!result.ok && result.error).toMatch(/; and \d+ more$/);
    expect(!result.ok && result.error.split('; ')).toHaveLength(6);
  });
});
