/** Parses a policy file's YAML text, locating syntax errors. Empty text is an empty policy. */
import {
  isAlias,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import { err, ok, type Result } from '../domain/result.js';
import { formatPolicyPath } from './format-policy-path.js';
import type { PathSegment, PolicyProblem } from './types.js';

/** yaml's message, without the location it appends (we give line and column separately). */
const describeYamlError = (code: string, message: string): string =>
  code === 'MULTIPLE_DOCS'
    ? 'the file holds more than one YAML document'
    : (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

const HINTS: Readonly<Partial<Record<string, string>>> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'each key may appear once in a mapping: remove or merge the repeated one',
  BAD_INDENT: 'check the indentation and that every [ or { is closed',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  BLOCK_AS_IMPLICIT_KEY: 'put the nested mapping on its own lines, or quote the value',
  MULTIPLE_DOCS: 'a policy file holds one YAML document: remove the extra ---',
};

/**
 * The repeated keys of every mapping, as yaml reports them: its own check compares each key with
 * every other, so a file of 32,000 keys took 20 s; this one keeps a set a mapping.
 */
const duplicateKeyErrors = (doc: Document): YamlError[] => {
  const found: YamlError[] = [];
  visit(doc, {
    Map(_key, map, ancestors) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key))
          found.push({
            code: 'DUPLICATE_KEY',
            message: 'Map keys must be unique',
            pos: [isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0],
            path: formatPolicyPath([...pathOf(ancestors, map), String(key)]),
          });
        seen.add(key);
      }
    },
  });
  return found.sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0));
};

interface YamlError {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly number[];
  /** Where in the file, when known: the repeated key's own path. */
  readonly path?: string;
}

/** The keys and indexes that lead from the document to `node`, given its ancestors. */
const pathOf = (ancestors: readonly unknown[], node: unknown): PathSegment[] => {
  const segments: PathSegment[] = [];
  ancestors.forEach((ancestor, index) => {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) segments.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) segments.push(ancestor.items.indexOf(child));
  });
  return segments;
};

export const parsePolicyYaml = (text: string, file: string): Result<unknown, PolicyProblem[]> => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const errors = doc.errors.length > 0 ? doc.errors : duplicateKeyErrors(doc);
  if (errors.length > 0) {
    return err(
      errors.map((error: YamlError) => {
        const { line, col } = lineCounter.linePos(error.pos[0] ?? 0);
        return {
          file,
          path: error.path ?? '',
          line: Math.max(line, 1),
          column: Math.max(col, 1),
          message: `invalid YAML: ${describeYamlError(error.code, error.message)}`,
          hint: HINTS[error.code] ?? null,
        };
      }),
    );
  }
  let content: unknown;
  try {
    content = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias used before its anchor, or so often that expanding it would exhaust memory.
    const { line, col } = lineCounter.linePos(firstAliasOffset(doc));
    const reason = error instanceof Error ? error.message : String(error);
    return err([
      {
        file,
        path: '',
        line: Math.max(line, 1),
        column: Math.max(col, 1),
        message: `invalid YAML: ${reason}`,
        hint: 'write the values out instead of repeating an alias (*name), and define each anchor (&name) before its first alias',
      },
    ]);
  }
  return ok(content ?? {});
};

const firstAliasOffset = (doc: Document): number => {
  let offset = 0;
  visit(doc, (_key, node) => {
    if (!isAlias(node)) return undefined;
    offset = node.range?.[0] ?? 0;
    return visit.BREAK;
  });
  return offset;
};
