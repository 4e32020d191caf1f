/**
 * The `related` level beyond whole files: definitions the added lines use that live elsewhere,
 * callers of what the change modifies or removes, and the tests of changed code.
 */
import { posix } from 'node:path';
import { isTestPath } from './find-tests.js';
import { enclosingDefinition } from './function-items.js';
import { linesOf, type ReadFile } from './read-code.js';
import type { ContextItem, Definition } from './types.js';

/** A long definition (a class) is shown from its start, this many lines. */
export const MAX_DEFINITION_LINES = 120;
/** A long test file is shown from its start, this many lines. */
export const MAX_TEST_LINES = 400;
const DEFINITIONS_PER_NAME = 2;
const CALLERS_PER_NAME = 3;

export interface ChangedCode {
  readonly file: ReadFile;
  /** New-file line numbers of added lines. */
  readonly addedLines: ReadonlySet<number>;
  /** Files this one imports. */
  readonly imports: ReadonlySet<string>;
}

type Located = { readonly file: ReadFile; readonly definition: Definition };

/**
 * The definitions another file can reach: not those inside a function (its locals, its nested
 * functions), which only share a name with what another file uses. Methods, inside a class, stay.
 */
const visibleDefinitions = (definitions: readonly Definition[]): Definition[] => {
  const sorted = [...definitions].sort(
    (a, b) => a.startLine - b.startLine || b.endLine - a.endLine,
  );
  const open: Definition[] = [];
  const visible: Definition[] = [];
  for (const definition of sorted) {
    while (open.length > 0 && (open.at(-1)?.endLine ?? 0) < definition.startLine) open.pop();
    if (open.length === 0) visible.push(definition);
    if (definition.kind === 'function') open.push(definition);
  }
  return visible;
};

/** Every definition of the files read that other files can reach, by name. */
export const indexDefinitions = (files: Iterable<ReadFile>): Map<string, Located[]> => {
  const byName = new Map<string, Located[]>();
  for (const file of files) {
    for (const definition of visibleDefinitions(file.outline?.definitions ?? [])) {
      const list = byName.get(definition.name);
      if (list === undefined) byName.set(definition.name, [{ file, definition }]);
      else list.push({ file, definition });
    }
  }
  return byName;
};

/** Names used on added lines, most used first, that the file itself does not define. */
export const namesUsedByAddedLines = (changed: ChangedCode): string[] => {
  const own = new Set(changed.file.outline?.definitions.map((definition) => definition.name));
  const counts = new Map<string, number>();
  for (const use of changed.file.outline?.uses ?? []) {
    if (!changed.addedLines.has(use.line) || own.has(use.name) || use.name.length < 2) continue;
    counts.set(use.name, (counts.get(use.name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
};

const clipped = (start: number, end: number, limit: number): number =>
  Math.min(end, start + limit - 1);

export const definitionItems = (
  changed: ChangedCode,
  index: ReadonlyMap<string, readonly Located[]>,
): ContextItem[] => {
  const directory = posix.dirname(changed.file.path);
  // Another test file's definitions serve only the files that import them (pytest's conftest.py
  // fixtures are used without an import).
  const otherTest = (path: string): boolean =>
    isTestPath(path) && !changed.imports.has(path) && posix.basename(path) !== 'conftest.py';
  const preference = (located: Located): number =>
    (changed.imports.has(located.file.path) ? 0 : 2) +
    (posix.dirname(located.file.path) === directory ? 0 : 1);
  return namesUsedByAddedLines(changed).flatMap((name) =>
    (index.get(name) ?? [])
      .filter((located) => located.file.path !== changed.file.path && !otherTest(located.file.path))
      .sort((a, b) => preference(a) - preference(b))
      .slice(0, DEFINITIONS_PER_NAME)
      .map(({ file, definition }): ContextItem => {
        const end = clipped(definition.startLine, definition.endLine, MAX_DEFINITION_LINES);
        return {
          path: file.path,
          kind: 'definition',
          symbol: name,
          reason:
            `defines ${name}, used by an added line of ${changed.file.path}` +
            (end < definition.endLine ? ` (its first ${MAX_DEFINITION_LINES} lines)` : ''),
          startLine: definition.startLine,
          text: linesOf(file, definition.startLine, end),
          level: 'related',
        };
      }),
  );
};

/** Function definitions that overlap the given lines. */
export const definitionsTouching = (file: ReadFile, lines: ReadonlySet<number>): Definition[] =>
  (file.outline?.definitions ?? []).filter(
    (definition) =>
      definition.kind === 'function' &&
      [...lines].some((line) => line >= definition.startLine && line <= definition.endLine),
  );

export interface CallerOptions {
  /** The names of the functions the change modifies, and those it removes. */
  readonly modified: ReadonlyMap<string, string>;
  readonly removed: ReadonlyMap<string, string>;
  readonly files: Iterable<ReadFile>;
  /** The repository files a file imports, resolved; none when not given. */
  readonly importsOf?: (file: ReadFile) => ReadonlySet<string>;
}

/** A file's use of `name` inside a function (the call), else its first (often the import). */
const callingUse = (
  file: ReadFile,
  name: string,
): { line: number; enclosing: Definition | null } | null => {
  const definitions = file.outline?.definitions ?? [];
  let first: number | null = null;
  for (const use of file.outline?.uses ?? []) {
    if (use.name !== name) continue;
    const enclosing = enclosingDefinition(definitions, use.line);
    if (enclosing !== null) return { line: use.line, enclosing };
    first ??= use.line;
  }
  return first === null ? null : { line: first, enclosing: null };
};

/**
 * For each name, the files that may call its changed definition, likeliest first: those that
 * import the defining file, then the others in the order read. A file that defines the name
 * itself and does not import the defining file calls its own, and is passed over.
 */
const callerCandidates = (
  name: string,
  definedIn: string,
  files: readonly ReadFile[],
  importsOf: (file: ReadFile) => ReadonlySet<string>,
  namesOf: (file: ReadFile) => ReadonlySet<string>,
): ReadFile[] => {
  const importers: ReadFile[] = [];
  const others: ReadFile[] = [];
  for (const file of files) {
    if (file.path === definedIn) continue;
    if (importsOf(file).has(definedIn)) importers.push(file);
    else if (!namesOf(file).has(name)) others.push(file);
  }
  return [...importers, ...others];
};

/** The names each file defines where other files can reach them, worked out once a file. */
const visibleNames = (): ((file: ReadFile) => ReadonlySet<string>) => {
  const known = new Map<ReadFile, ReadonlySet<string>>();
  return (file) => {
    let names = known.get(file);
    if (names === undefined) {
      const definitions = visibleDefinitions(file.outline?.definitions ?? []);
      names = new Set(definitions.map((definition) => definition.name));
      known.set(file, names);
    }
    return names;
  };
};

const NO_IMPORTS: ReadonlySet<string> = new Set();

export const callerItems = ({
  modified,
  removed,
  files,
  importsOf = () => NO_IMPORTS,
}: CallerOptions): ContextItem[] => {
  const found = new Map<string, ContextItem[]>();
  const list = [...files];
  const namesOf = visibleNames();
  for (const [name, definedIn] of [...removed, ...modified]) {
    if (found.has(name)) continue;
    const items: ContextItem[] = [];
    for (const file of callerCandidates(name, definedIn, list, importsOf, namesOf)) {
      if (items.length >= CALLERS_PER_NAME) break;
      const use = callingUse(file, name);
      if (use === null) continue;
      const { line, enclosing } = use;
      const start = enclosing?.startLine ?? Math.max(1, line - 3);
      const end = clipped(start, enclosing?.endLine ?? line + 3, MAX_DEFINITION_LINES);
      items.push({
        path: file.path,
        kind: 'caller',
        symbol: name,
        reason: `uses ${name}, which this change ${removed.has(name) ? 'removes or renames' : 'modifies'} in ${definedIn}`,
        startLine: start,
        text: linesOf(file, start, end),
        level: 'related',
      });
    }
    found.set(name, items);
  }
  return [...found.values()].flat();
};

export const testItem = (test: ReadFile, of: string): ContextItem => {
  const end = Math.min(test.lines.length, MAX_TEST_LINES);
  return {
    path: test.path,
    kind: 'test',
    symbol: null,
    reason: `tests ${of}` + (end < test.lines.length ? ` (its first ${end} lines)` : ''),
    startLine: 1,
    text: linesOf(test, 1, end),
    level: 'related',
  };
};
