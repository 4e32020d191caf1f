/** Turns zod's issues into messages a policy author can act on, with a hint where we have one. */
import type { z } from 'zod';
import { findKeyElsewhere, listAllowedKeys } from './list-allowed-keys.js';
import { readPath } from './read-path.js';
import { suggestClosest } from './suggest-closest.js';
import type { PathSegment, PolicyIssue } from './types.js';

type Issue = z.core.$ZodIssue;

const toSegments = (path: readonly PropertyKey[]): PathSegment[] =>
  path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));

const typeName = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
};

const MISSING_HINTS: Readonly<Record<string, string>> = {
  when: 'every rule needs a when; the tier for pull requests no rule matches is routing.default',
};

const EXPECTED_NAMES: Readonly<Record<string, string>> = { int: 'integer', array: 'list' };

const didYouMean = (word: unknown, candidates: readonly string[]): string | null => {
  if (typeof word !== 'string') return null;
  const suggestion = suggestClosest(word, candidates);
  return suggestion === null || suggestion === word ? null : `did you mean '${suggestion}'?`;
};

/** For a key with no near match: what may be written there instead. */
const allowedHere = (allowed: readonly string[]): string | null =>
  allowed.length === 0 ? null : `the keys allowed here are: ${allowed.join(', ')}`;

/** A key that belongs at another level (`max_comments` at the top, where it means `review.…`). */
const belongsElsewhere = (key: string, schema: z.core.$ZodType): string | null => {
  const places = findKeyElsewhere(schema, key);
  if (places.length === 0) return null;
  if (places.includes(key)) return 'it belongs at the top level of the file';
  return `did you mean ${places.join(' or ')}?`;
};

const unknownKeyHint = (key: string, allowed: readonly string[], schema: z.core.$ZodType) =>
  key === '<<'
    ? 'YAML 1.2 has no merge keys: write the keys out, or share settings with _extends'
    : (didYouMean(key, allowed) ?? belongsElsewhere(key, schema) ?? allowedHere(allowed));

const typeHint = (expected: string, value: unknown): string | null => {
  if (value === null) return 'give it a value, or remove the key to keep the default';
  if (typeof value !== 'string') return null;
  if ((expected === 'number' || expected === 'int') && value.trim() !== '' && !isNaN(+value)) {
    return `remove the quotes: ${value.trim()}`;
  }
  if (expected === 'boolean' && /^(yes|no|on|off|y|n|true|false)$/i.test(value)) {
    return `write true or false ('${value}' is text in YAML 1.2)`;
  }
  if (expected === 'array') return `write a list, e.g. [${JSON.stringify(value)}]`;
  return null;
};

const describeInvalidType = (
  issue: Extract<Issue, { code: 'invalid_type' }>,
  path: PathSegment[],
  value: unknown,
): PolicyIssue => {
  if (value === undefined) {
    const key = String(path.at(-1));
    const hint = MISSING_HINTS[key] ?? null;
    return { path, at: 'key', message: `missing required key '${key}'`, hint };
  }
  const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
  const got =
    issue.expected === 'int' && typeof value === 'number' ? String(value) : typeName(value);
  const message = `expected ${expected}, got ${got}`;
  return { path, at: 'value', message, hint: typeHint(issue.expected, value) };
};

const describeBound = (
  issue: Extract<Issue, { code: 'too_small' | 'too_big' }>,
  value: unknown,
): string => {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    return small ? 'must not be empty' : `must be at most ${bound} characters long`;
  }
  if (issue.origin === 'array') {
    return small ? `must list at least ${bound} item(s)` : `must list at most ${bound} item(s)`;
  }
  const relation = small
    ? issue.inclusive === false
      ? 'greater than'
      : 'at least'
    : issue.inclusive === false
      ? 'less than'
      : 'at most';
  return `must be ${relation} ${bound}, got ${String(value)}`;
};

const describeIssue = (issue: Issue, input: unknown, schema: z.core.$ZodType): PolicyIssue[] => {
  const path = toSegments(issue.path);
  const value = readPath(input, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = listAllowedKeys(schema, path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key',
        message: `unknown key '${key}'`,
        hint: unknownKeyHint(key, allowed, schema),
      }));
    }
    case 'invalid_type':
      return [describeInvalidType(issue, path, value)];
    case 'invalid_value': {
      const values = issue.values.map(String);
      const oneOf = `expected one of: ${values.join(', ')}`;
      if (value === undefined) {
        const message = `missing required key '${String(path.at(-1))}'`;
        return [{ path, at: 'key', message, hint: oneOf }];
      }
      return [{ path, at: 'value', message: oneOf, hint: didYouMean(value, values) }];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, at: 'value', message: describeBound(issue, value), hint: null }];
    case 'custom': {
      const hint: unknown = issue.params?.['hint'];
      return [
        { path, at: 'value', message: issue.message, hint: typeof hint === 'string' ? hint : null },
      ];
    }
    default:
      return [{ path, at: 'value', message: issue.message, hint: null }];
  }
};

/** `input` is what was validated, `schema` the strict schema it was validated with. */
export const describeZodIssues = (
  issues: readonly Issue[],
  input: unknown,
  schema: z.core.$ZodType,
): PolicyIssue[] => issues.flatMap((issue) => describeIssue(issue, input, schema));
