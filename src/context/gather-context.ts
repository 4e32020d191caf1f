/**
 * Everything a review could be given besides the diff, read from the pull request's head (and its
 * base for removed code) in at most four requests to the source: the tree, the changed files with
 * their tests and neighbours, the files they import, and the old versions of changed files.
 */
import type { FileChange } from '../domain/diff.js';
import type { KnownSecret } from '../secrets/types.js';
import { indexTests, testsOf } from './find-tests.js';
import { functionItems } from './function-items.js';
import { indexStems, neighboursOf, stemKey } from './pick-related-paths.js';
import { finishPool } from './finish-pool.js';
import { CodeReader, MAX_FILES_PER_ROUND, type ReadFile } from './read-code.js';
import {
  callerItems,
  definitionItems,
  definitionsTouching,
  indexDefinitions,
  namesUsedByAddedLines,
  testItem,
  type ChangedCode,
} from './related-items.js';
import { importResolver, indexPaths } from './resolve-import.js';
import { safeRepoPath } from './safe-repo-path.js';
import { namesAddedLinesUse, searchCandidates } from './search-definitions.js';
import {
  CONTEXT_LEVELS,
  EMPTY_POOL,
  type CodeSources,
  type ContextItem,
  type ContextLevel,
  type ContextPool,
} from './types.js';

export interface GatherContextOptions {
  readonly sources: CodeSources;
  /** The files under review, most risky first (ignored and binary files already left out). */
  readonly files: readonly FileChange[];
  /** Secrets found in the pull request: redacted in context too, wherever they recur. */
  readonly knownSecrets: readonly KnownSecret[];
  /** The deepest level any tier of this review uses: nothing deeper is read. */
  readonly level: ContextLevel;
}

/** Imported and neighbouring files read for definitions and callers: parsing is the cost. */
export const MAX_RELATED_FILES = 150;
const MIN_RELATED_FILES = 40;
/** Files imported by imported files, read with the base versions. */
const MAX_SECOND_HOP_FILES = 60;
const TESTS_PER_FILE = 1;
const MAX_TESTS = 40;

const deeper = (level: ContextLevel, than: ContextLevel): boolean =>
  CONTEXT_LEVELS.indexOf(level) > CONTEXT_LEVELS.indexOf(than);

const addedLinesOf = (file: FileChange): Set<number> =>
  new Set(
    file.hunks.flatMap((hunk) =>
      hunk.lines.flatMap((line) =>
        line.kind === 'add' && line.newLine !== null ? [line.newLine] : [],
      ),
    ),
  );

const deletedLinesOf = (file: FileChange): Set<number> =>
  new Set(
    file.hunks.flatMap((hunk) =>
      hunk.lines.flatMap((line) =>
        line.kind === 'del' && line.oldLine !== null ? [line.oldLine] : [],
      ),
    ),
  );

export const gatherContext = async (options: GatherContextOptions): Promise<ContextPool> => {
  const { sources, level } = options;
  if (level === 'diff') return EMPTY_POOL;
  const related = deeper(level, 'files');
  const present = options.files.filter(
    (file) => file.status !== 'removed' && safeRepoPath(file.path) !== null,
  );
  // GitHub cuts a tree listing past 100,000 entries; a changed file is at the head all the same.
  const listed = await sources.head.listPaths();
  const index = indexPaths([...new Set([...listed, ...present.map((file) => file.path)])]);
  const head = new CodeReader(sources.head, options.knownSecrets);
  const tests = indexTests([...index.paths]);
  const testsByFile = new Map(
    present.map((file) => [file.path, testsOf(file.path, tests).slice(0, TESTS_PER_FILE)]),
  );
  await head.read([
    ...present.map((file) => file.path),
    ...(related
      ? present.flatMap((file) => testsByFile.get(file.path) ?? []).slice(0, MAX_TESTS)
      : []),
  ]);

  const importsOf = importResolver(index);
  const changed: ChangedCode[] = present.flatMap((file) => {
    const read = head.files.get(file.path);
    return read === undefined
      ? []
      : [{ file: read, addedLines: addedLinesOf(file), imports: importsOf(read) }];
  });
  // The enclosing functions first, then the changed files whole, riskiest first. A file no grammar
  // reads (a changelog) is offered whole at the `functions` level too, in its place among the
  // whole files, so it cannot take the budget ahead of the riskier files' code.
  // An added file's diff shows all of it: quoting it again would only spend the budget.
  const reads = present.flatMap((file) => {
    const read = head.files.get(file.path);
    return read === undefined || (file.status === 'added' && file.patchAvailable)
      ? []
      : [{ file, read }];
  });
  const items: ContextItem[] = [
    ...reads.flatMap(({ file, read }) => (read.outline === null ? [] : functionItems(file, read))),
    ...reads.flatMap(({ file, read }) =>
      read.outline === null ? functionItems(file, read) : [wholeFile(read)],
    ),
  ];
  if (!related)
    return {
      items: finishPool(items, options.knownSecrets, head),
      unread: unreadOf(head, present),
    };

  // What each changed file imports, the files named like what its added lines use (a method on
  // `client` lives in client.js), then its package's other files, riskiest file first.
  const byStem = indexStems(index, related);
  // Both later requests also carry, up to their size (less the base's files in the last), a
  // search of the nearest other files of the same languages for the names the added lines use
  // that the files read do not define: a method a test calls on a query builder, a function two
  // or more imports away. They are parsed last, only those that mention such a name.
  const changedPaths = present.map((file) => file.path);
  const searchIn = (limit: number) => ({
    paths: searchCandidates(index, changedPaths, (path) => head.files.has(path)),
    limit,
  });
  await head.read(
    changed.flatMap((code) => [
      ...code.imports,
      ...namesUsedByAddedLines(code).flatMap((name) => byStem.get(stemKey(name)) ?? []),
      ...neighboursOf(code.file.path, index),
    ]),
    // A large change brings much of its own context: fewer other files, within the same time.
    Math.max(MIN_RELATED_FILES, MAX_RELATED_FILES - changed.length),
    searchIn(MAX_FILES_PER_ROUND),
  );
  // One more hop, read in the same round as the base versions (a source that can, such as
  // GitHub's, asks for both in one request): the files the imported files import, where a method
  // called on an imported module's object is often defined.
  const firstHop = new Set(changed.flatMap((code) => [...code.imports]));
  const secondHop = [...firstHop].flatMap((path) => {
    const read = head.files.get(path);
    return read === undefined ? [] : [...importsOf(read)];
  });
  const [removed] = await Promise.all([
    removedFunctions(options, sources, head),
    head.read(
      secondHop,
      MAX_SECOND_HOP_FILES,
      searchIn(MAX_FILES_PER_ROUND - baseReads(options, sources).length),
    ),
  ]);
  await head.parseSearched(namesAddedLinesUse(changed));
  const definitions = indexDefinitions(head.files.values());
  items.push(...rankDefinitions(changed.map((code) => definitionItems(code, definitions))));
  const modified = new Map(
    changed.flatMap((code) =>
      definitionsTouching(code.file, code.addedLines).map(
        (definition) => [definition.name, code.file.path] as const,
      ),
    ),
  );
  items.push(...callerItems({ modified, removed, files: head.files.values(), importsOf }));
  for (const file of present) {
    for (const test of testsByFile.get(file.path) ?? []) {
      const read = head.files.get(test);
      if (read !== undefined && !options.files.some((change) => change.path === test))
        items.push(testItem(read, file.path));
    }
  }
  return { items: finishPool(items, options.knownSecrets, head), unread: unreadOf(head, present) };
};

/** The changed files the reader got no text for; other files' reads only widen the context. */
const unreadOf = (head: CodeReader, present: readonly FileChange[]) => {
  const changed = new Set(present.map((file) => file.path));
  return head.unread.filter((file) => changed.has(file.path));
};

const wholeFile = (file: ReadFile): ContextItem => ({
  path: file.path,
  kind: 'file',
  symbol: null,
  reason: 'a changed file, whole at the head',
  startLine: 1,
  text: file.text,
  level: 'files',
});

/** Definitions for every changed file in turn, so the riskiest file does not take them all. */
const rankDefinitions = (perFile: readonly (readonly ContextItem[])[]): ContextItem[] => {
  const ranked: ContextItem[] = [];
  const longest = Math.max(0, ...perFile.map((list) => list.length));
  for (let rank = 0; rank < longest; rank += 1)
    for (const list of perFile) {
      const item = list[rank];
      if (item !== undefined) ranked.push(item);
    }
  return ranked;
};

/** The changed files whose base versions are read, for the functions they remove. */
const baseReads = (options: GatherContextOptions, sources: CodeSources): FileChange[] =>
  sources.base === null
    ? []
    : options.files.filter((file) => file.deletions > 0 && file.status !== 'added');

/** Functions the base had where the change deletes lines and the head no longer defines. */
const removedFunctions = async (
  options: GatherContextOptions,
  sources: CodeSources,
  head: CodeReader,
): Promise<Map<string, string>> => {
  const removed = new Map<string, string>();
  if (sources.base === null) return removed;
  const withDeletions = baseReads(options, sources);
  const base = new CodeReader(sources.base, options.knownSecrets);
  await base.read(withDeletions.map((file) => file.previousPath ?? file.path));
  for (const file of withDeletions) {
    const read = base.files.get(file.previousPath ?? file.path);
    if (read === undefined) continue;
    const still = new Set(
      head.files.get(file.path)?.outline?.definitions.map((definition) => definition.name),
    );
    for (const definition of definitionsTouching(read, deletedLinesOf(file)))
      if (!still.has(definition.name)) removed.set(definition.name, file.path);
  }
  return removed;
};
