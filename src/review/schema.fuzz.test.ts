/**
 * Hostile model answers: random JSON, random text and near-valid answers with
 * one part broken. parseModelAnswer must never throw, and must say where an answer is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModelAnswer } from './schema.js';

/** Fixed in CI; FUZZ_SEED and FUZZ_RUNS explore further (fast-check prints the failing seed). */
const RUNS = {
  numRuns: Number(process.env['FUZZ_RUNS'] ?? 300),
  seed: Number(process.env['FUZZ_SEED'] ?? 20_260_521),
};

/** A problem in a JSON answer starts with its path: `findings[2].line: ...` or `(answer): ...`. */
const LOCATED = /^(?:\(answer\)|summary|escalate|findings)(?:\[\d+\]|\.[A-Za-z_]+)*: \S/;

const expectLocated = (raw: string) => {
  const result = parseModelAnswer(raw);
  if (result.ok) return;
  let isJson = true;
  try {
    JSON.parse(raw.trim().replace(/^```[a-zA-Z]*\n([\s\S]*)\n```$/, '$1'));
  } catch {
    isJson = false;
  }
  if (isJson) {
    for (const part of result.error.split('; ').filter((p) => !/^and \d+ more$/.test(p)))
      expect(part).toMatch(LOCATED);
  } else {
    expect(result.error).toMatch(/^the answer is not valid JSON \(.+\)$/s);
  }
  expect(result.error.length).toBeLessThan(5_000);
};

const validFinding = {
  path: 'src/a.ts',
  line: 3,
  start_line: null,
  side: 'RIGHT',
  severity: 'warning',
  category: 'bug',
  title: 'Off by one',
  body: 'The loop stops one early.',
  suggestion: null,
};
const validAnswer = {
  summary: 'Looks fine.',
  escalate: { needed: false, reason: '' },
  findings: [validFinding, validFinding],
};

type Path = readonly (string | number)[];
const PATHS: readonly Path[] = [
  [],
  ['summary'],
  ['escalate'],
  ['escalate', 'needed'],
  ['escalate', 'reason'],
  ['findings'],
  ['findings', 0],
  ...Object.keys(validFinding).map((key) => ['findings', 1, key]),
];

const hostile = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    -1,
    0,
    1.5,
    1e308,
    'APPROVE',
    'x'.repeat(20_000),
    [],
    {},
    { event: 'APPROVE' },
    Array.from({ length: 60 }, () => validFinding),
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** The valid answer with the value at one path replaced (undefined: removed). */
const nearValid = fc.tuple(fc.constantFrom(...PATHS), hostile).map(([path, value]) => {
  if (path.length === 0) return JSON.stringify(value) ?? '';
  const copy = structuredClone(validAnswer) as unknown as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (value === undefined) delete target[last];
  else target[last] = value;
  return JSON.stringify(copy);
});

describe('parseModelAnswer on hostile answers', () => {
  it('locates the problem in random JSON', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), expectLocated), RUNS);
  });

  it('locates the problem in any JavaScript value serialised', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (value) => {
        let raw: string;
        try {
          raw = JSON.stringify(value) ?? 'undefined';
        } catch {
          raw = String(Object.prototype.toString.call(value));
        }
        expectLocated(raw);
      }),
      RUNS,
    );
  });

  it('locates the one broken part of a near-valid answer', () => {
    fc.assert(fc.property(nearValid, expectLocated), RUNS);
  });

  it('says a random text is not JSON', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), expectLocated), RUNS);
  });

  it.each([
    ['a deeply nested array', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a truncated answer', JSON.stringify(validAnswer).slice(0, 40)],
    ['an answer in a code fence with a trailing remark', '```json\n{}\n```\nHope this helps!'],
    ['a prototype key', '{"__proto__": {"summary": "x"}, "constructor": 1}'],
    [
      'a huge number',
      '{"summary": "x", "escalate": {"needed": false, "reason": ""}, "findings": [{"line": 1e999}]}',
    ],
  ])('locates the problem in %s', (_name, raw) => {
    expectLocated(raw);
    expect(parseModelAnswer(raw).ok).toBe(false);
  });
});
