/** What a path holds, as far as the no-tests signal cares. */
export type FileKind = 'test' | 'source' | 'other';

/** The extensions of source code in a common programming language. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ts tsx mts cts js jsx mjs cjs vue svelte py pyw go rb php java kt kts scala groovy clj cljs ' +
    'rs c h cc cpp cxx hh hpp hxx m mm swift cs fs dart lua ex exs erl hs ml r pl pm sh bash zig'
  ).split(' '),
);

const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e']);

const TEST_FILE_NAMES = [
  /\.(?:test|spec)\.[^/]+$/, // a.test.ts, a.spec.js
  /_test\.(?:go|py|exs?|rs|cc|cpp|c)$/, // a_test.go, a_test.py
  /^test_[^/]+\.py$/, // test_a.py
  /^conftest\.py$/,
  /_spec\.rb$/, // a_spec.rb
  /(?:Test|Tests|IT)\.(?:java|kt|scala|groovy|cs|php|swift)$/, // FooTest.java, FooTests.cs
];

/** The lower-case extension of a file name or path ("sql"), or "" when it has none. */
export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * Test files: anything under test/, tests/, __tests__/, spec/ or e2e/, and files named like
 * tests (*.test.*, *.spec.*, *_test.go, test_*.py, FooTest.java, ...). Source files: common
 * programming-language extensions, tests excluded. Everything else (docs, config, data) is other.
 */
export const detectFileKind = (path: string): FileKind => {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  if (segments.slice(0, -1).some((segment) => TEST_DIRECTORIES.has(segment))) return 'test';
  if (TEST_FILE_NAMES.some((pattern) => pattern.test(name))) return 'test';
  return SOURCE_EXTENSIONS.has(extensionOf(name)) ? 'source' : 'other';
};
