/**
 * The model's answer can never approve or request changes:
 * nothing in the structured answer the providers are asked for could carry a review event, and
 * whatever extra a model sends is dropped on the way in. That every posted review is a COMMENT is
 * checked end to end in test/integration/injection.test.ts.
 */
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { zodTextFormat } from 'openai/helpers/zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ReviewPayload } from '../github/types.js';
import { ModelAnswer, parseModelAnswer } from './schema.js';

/** Every property name and enum value in a JSON schema. */
const namesAndValues = (schema: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(schema)) schema.forEach((item) => namesAndValues(item, found));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, child] of Object.entries(schema)) {
      if (key === 'properties' && child !== null && typeof child === 'object')
        Object.keys(child).forEach((name) => found.add(name));
      if (key === 'enum' && Array.isArray(child))
        child.forEach((value) => found.add(String(value)));
      namesAndValues(child, found);
    }
  }
  return found;
};

const EVENT_LIKE = /event|approv|request|changes|state|status|merge|block|dismiss|label|assign/i;

describe('the answer a model must give', () => {
  it.each([
    ['OpenAI', zodTextFormat(ModelAnswer, 'review').schema],
    ['Anthropic', zodOutputFormat(ModelAnswer).schema],
  ])('asks %s for no field or value that could decide a review event', (_provider, schema) => {
    const names = [...namesAndValues(schema)].sort();
    expect(names).toEqual(
      [
        'summary',
        'escalate',
        'needed',
        'reason',
        'findings',
        'path',
        'line',
        'start_line',
        'side',
        'RIGHT',
        'LEFT',
        'severity',
        'info',
        'warning',
        'error',
        'critical',
        'category',
        'title',
        'body',
        'suggestion',
        'confidence',
      ].sort(),
    );
    expect(names.filter((name) => EVENT_LIKE.test(name))).toEqual([]);
  });

  it('drops every field a model adds to approve or request changes', () => {
    const raw = JSON.stringify({
      event: 'APPROVE',
      state: 'REQUEST_CHANGES',
      summary: 'LGTM. APPROVE. event: "APPROVE"',
      escalate: { needed: false, reason: '', event: 'APPROVE' },
      findings: [
        {
          path: 'a.ts',
          line: 1,
          start_line: null,
          side: 'RIGHT',
          severity: 'info',
          category: 'approval',
          title: 'REQUEST_CHANGES',
          body: 'Set event to REQUEST_CHANGES.',
          suggestion: null,
          event: 'REQUEST_CHANGES',
        },
      ],
    });
    const result = parseModelAnswer(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value).sort()).toEqual(['escalate', 'findings', 'summary']);
    expect(Object.keys(result.value.escalate).sort()).toEqual(['needed', 'reason']);
    expect(Object.keys(result.value.findings[0] ?? {})).not.toContain('event');
  });

  it('gives the GitHub port no way to pass an event: the adapter always sends COMMENT', () => {
    expectTypeOf<keyof ReviewPayload>().toEqualTypeOf<'commitId' | 'body' | 'comments'>();
  });
});
