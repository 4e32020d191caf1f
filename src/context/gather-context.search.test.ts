import { describe, expect, it } from 'vitest';
import type { FileChange } from '../domain/diff.js';
import { gatherContext } from './gather-context.js';
import { CodeReader, MAX_FILES_PER_ROUND } from './read-code.js';
import type { CodeSource } from './types.js';

/** An in-memory commit that records the paths of every read. */
const sourceOf = (files: Record<string, string>) => {
  const reads: string[][] = [];
  const source: CodeSource = {
    listPaths: () => Promise.resolve(Object.keys(files)),
    readFiles: (paths) => {
      reads.push([...paths]);
      return Promise.resolve(
        new Map(paths.flatMap((path) => (path in files ? [[path, files[path] ?? '']] : []))),
      );
    },
  };
  return { source, reads };
};

/** A change of `path` that adds one line, `line`, as line 2 of the new file. */
const changeOf = (path: string, line: string, deletions = 0): FileChange => ({
  path,
  previousPath: null,
  status: 'modified',
  additions: 1,
  deletions,
  binary: false,
  patchAvailable: true,
  hunks: [
    {
      oldStart: 1,
      oldLines: 1,
      newStart: 1,
      newLines: 2,
      section: '',
      lines: [
        { kind: 'context', oldLine: 1, newLine: 1, text: "const { build } = require('./build');" },
        { kind: 'add', oldLine: null, newLine: 2, text: line },
      ],
    },
  ],
});

const TEST = ["const { build } = require('./build');", 'build().where(1).truncate();', ''].join(
  '\n',
);

// `truncate` is defined three imports away from the test and named in no file name.
const REPO = {
  'test/query.spec.js': TEST,
  'test/build.js': "const knex = require('../lib/knex');\nexports.build = () => knex();\n",
  'lib/knex.js': "const Builder = require('./builder');\nmodule.exports = () => new Builder();\n",
  'lib/builder.js':
    "const Compiler = require('./dialect/compiler');\nclass Builder { where() { return this; } }\nmodule.exports = Builder;\n",
  'lib/dialect/compiler.js':
    'class Compiler {\n  truncate() {\n    return `truncate ${this.table}`;\n  }\n}\nmodule.exports = Compiler;\n',
};

describe('gatherContext: the definition search', () => {
  it('finds a method defined beyond the imports read, within the same requests', async () => {
    const { source, reads } = sourceOf(REPO);
    const pool = await gatherContext({
      sources: { head: source, base: null },
      files: [changeOf('test/query.spec.js', 'build().where(1).truncate();')],
      knownSecrets: [],
      level: 'related',
    });
    const truncate = pool.items.find(
      (item) => item.kind === 'definition' && item.symbol === 'truncate',
    );
    expect(truncate?.path).toBe('lib/dialect/compiler.js');
    expect(truncate?.text).toContain('return `truncate ${this.table}`;');
    // The changed file, then what it imports with the search; the second hop was searched already.
    expect(reads).toHaveLength(2);
    expect(reads[1]).toContain('lib/dialect/compiler.js');
  });

  it('still asks for the files imported files import when nearer files took the search', async () => {
    const fillers = Array.from({ length: MAX_FILES_PER_ROUND }, (_, index) => [
      `lib/fill/f${index}.js`,
      'function filler() {}\n',
    ]);
    const { source, reads } = sourceOf({ ...REPO, ...Object.fromEntries(fillers) });
    const pool = await gatherContext({
      sources: { head: source, base: null },
      files: [changeOf('test/query.spec.js', 'build().where(1).truncate();')],
      knownSecrets: [],
      level: 'related',
    });
    expect(reads).toHaveLength(3);
    expect(reads[1]).not.toContain('lib/knex.js');
    expect(reads[2]).toContain('lib/knex.js');
    expect(pool.items.some((item) => item.symbol === 'truncate')).toBe(true);
  });

  it('leaves room in the last request for the base versions of files with deletions', async () => {
    const changed = Array.from({ length: 120 }, (_, index) => `src/f${index}.js`);
    const others = Array.from({ length: 500 }, (_, index) => `src/other/o${index}.js`);
    const files = Object.fromEntries([
      ...changed.map((path) => [path, "const { build } = require('./build');\nmissing();\n"]),
      ...others.map((path) => [path, 'function missing() {}\n']),
    ]);
    const head = sourceOf(files);
    const base = sourceOf(files);
    await gatherContext({
      sources: { head: head.source, base: base.source },
      files: changed.map((path) => changeOf(path, 'missing();', 1)),
      knownSecrets: [],
      level: 'related',
    });
    expect(head.reads).toHaveLength(3);
    expect(base.reads).toHaveLength(1);
    expect((head.reads[1] ?? []).length).toBeLessThanOrEqual(MAX_FILES_PER_ROUND);
    // The head's and the base's reads of the last round share one request of at most 300 paths.
    expect((head.reads[2] ?? []).length + (base.reads[0] ?? []).length).toBe(MAX_FILES_PER_ROUND);
  });
});

describe('definitions offered for a changed test', () => {
  it("prefers the source's definition to a same-named one in another test it does not import", async () => {
    const { source } = sourceOf({
      'test/a.spec.js': "const { build } = require('./build');\nrespond();\n",
      'test/b.spec.js': 'function respond() {\n  return 0;\n}\n',
      'test/c.spec.js': 'function respond() {\n  return 1;\n}\n',
      'lib/respond.js': 'function respond() {\n  return 2;\n}\nmodule.exports = respond;\n',
    });
    const pool = await gatherContext({
      sources: { head: source, base: null },
      files: [changeOf('test/a.spec.js', 'respond();')],
      knownSecrets: [],
      level: 'related',
    });
    const offered = pool.items.filter((item) => item.symbol === 'respond').map((item) => item.path);
    expect(offered[0]).toBe('lib/respond.js');
  });
});

describe('CodeReader: searched files', () => {
  it('parses only those that mention a name still undefined, nearest first', async () => {
    const { source } = sourceOf({
      'a.js': 'function alpha() {}\n',
      'b.js': 'function beta() {}\n',
      'c.js': 'const text = "beta";\nfunction gamma() {}\n',
      'd.js': 'function alpha() { return 2; }\n',
    });
    const reader = new CodeReader(source, []);
    await reader.read([], MAX_FILES_PER_ROUND, {
      paths: ['a.js', 'b.js', 'c.js', 'd.js'],
      limit: MAX_FILES_PER_ROUND,
    });
    expect(reader.files.size).toBe(0);
    const open = await reader.parseSearched(new Set(['alpha', 'beta', 'delta']));
    // c.js comes after b.js defined beta; d.js after a.js defined alpha; delta is nowhere.
    expect([...reader.files.keys()]).toEqual(['a.js', 'b.js']);
    expect([...open]).toEqual(['delta']);
  });
});
