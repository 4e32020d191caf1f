/**
 * Hostile policy files: random YAML, random values where the policy expects
 * others, huge numbers and strings. parsePolicyText must never throw, and every problem it reports
 * names the file, a path, a readable message and the line it is on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_POLICY } from './default-policy.js';
import { parsePolicyText } from './parse-policy-text.js';

const FILE = 'acme/api:.github/review-router.yml';
/** Fixed in CI; FUZZ_SEED and FUZZ_RUNS explore further (fast-check prints the failing seed). */
const RUNS = {
  numRuns: Number(process.env['FUZZ_RUNS'] ?? 150),
  seed: Number(process.env['FUZZ_SEED'] ?? 20_260_521),
};

const expectReadable = (text: string) => {
  const result = parsePolicyText(text, FILE);
  if (result.ok) return;
  expect(result.error.problems.length).toBeGreaterThan(0);
  for (const problem of result.error.problems) {
    expect(problem.file).toBe(FILE);
    expect(typeof problem.path).toBe('string');
    expect(problem.message.trim()).not.toBe('');
    expect(problem.message.length).toBeLessThan(2_000);
    // The text is at hand, so every problem can be located: never null here.
    expect(Number.isInteger(problem.line) && (problem.line ?? 0) >= 1).toBe(true);
    expect(Number.isInteger(problem.column) && (problem.column ?? 0) >= 1).toBe(true);
  }
};

/** Values of the wrong type, size or shape for any key. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1,
    '',
    'x'.repeat(100_000),
    '🙂'.repeat(1_000),
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50 }),
);

const POLICY_PATHS: readonly (readonly string[])[] = (() => {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    }
  };
  walk(DEFAULT_POLICY, []);
  return paths.filter((path) => path.length > 0);
})();

/** The default policy with one value anywhere in it replaced by a hostile one. */
const nearValidPolicy = fc
  .tuple(fc.constantFrom(...POLICY_PATHS), hostileValue, fc.constantFrom('', 'x', 'enabeld'))
  .map(([path, value, extraKey]) => {
    const policy = structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown>;
    let target = policy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path.at(-1) ?? ''] = value;
    if (extraKey !== '') policy[extraKey] = true;
    return policy;
  });

/** Text made of YAML's syntax characters, so the parser's error paths get exercised. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':',
        '- ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&a ',
        '*a',
        '!!str ',
        '!!binary ',
        '? ',
        '|',
        '>',
        '%YAML 1.2\n',
        '---\n',
        '...\n',
        '#',
        '"',
        "'",
        '\t',
        '\n',
        '  ',
        'enabled',
        'routing',
        'rules',
        'when',
        '<<: *a\n',
        '\r\n',
        '\u0000',
        '\ufeff',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parsePolicyText on hostile input', () => {
  it('reports random YAML documents as located problems, never throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectReadable(stringify(value))),
      RUNS,
    );
  });

  it('reports wrong types and huge values anywhere in a policy, never throwing', () => {
    fc.assert(
      fc.property(nearValidPolicy, (policy) => expectReadable(stringify(policy))),
      RUNS,
    );
  });

  it('reports text made of YAML syntax as located problems, never throwing', () => {
    fc.assert(fc.property(yamlish, expectReadable), RUNS);
  });

  it.each([
    [
      'an alias bomb',
      [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        ...Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(', ')}]`,
        ),
      ].join('\n'),
    ],
    ['a 10 MB string', `review:\n  instructions: "${'x'.repeat(10_000_000)}"\n`],
    [
      'a deeply nested value',
      `review:\n  instructions: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
    ],
    ['many documents', 'enabled: true\n---\nenabled: false\n---\n'],
    ['a huge number', 'review:\n  max_comments: 1e999\n'],
    ['a binary tag', 'review:\n  instructions: !!binary aGVsbG8=\n'],
    ['a custom tag', 'enabled: !Ref true\n'],
    ['a merge key', 'base: &b { enabled: true }\n<<: *b\n'],
  ])('reports %s as a located problem', (_name, text) => {
    expectReadable(text);
  });

  it('names an alias without an anchor, on its line', () => {
    const result = parsePolicyText('enabled: true\nreview: *missing\n', FILE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/^invalid YAML: Unresolved alias/),
      }),
    ]);
  });
});
