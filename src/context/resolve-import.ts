/** The repository files an import names, by each language's module rules; packages resolve to none. */
import { posix } from 'node:path';
import { familyOf, languageOf, type LanguageId } from './languages.js';

/** The commit's paths, indexed for lookups by directory and by file name. */
export interface PathIndex {
  readonly paths: ReadonlySet<string>;
  readonly byDirectory: ReadonlyMap<string, readonly string[]>;
}

export const indexPaths = (paths: readonly string[]): PathIndex => {
  const byDirectory = new Map<string, string[]>();
  for (const path of paths) {
    const directory = posix.dirname(path);
    const list = byDirectory.get(directory);
    if (list === undefined) byDirectory.set(directory, [path]);
    else list.push(path);
  }
  return { paths: new Set(paths), byDirectory };
};

const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

const resolveJs = (specifier: string, from: string, index: PathIndex): string[] => {
  if (!specifier.startsWith('.')) return [];
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  // TypeScript's ESM imports name the emitted `.js`: try the sources it is built from.
  const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  const candidates = [
    base,
    ...JS_EXTENSIONS.map((extension) => `${stem}${extension}`),
    ...JS_EXTENSIONS.map((extension) => `${base}/index${extension}`),
  ];
  const found = candidates.find((candidate) => index.paths.has(candidate));
  return found === undefined ? [] : [found];
};

/** Every path of `index` that ends with `/tail` or is `tail`. */
const endingWith = (tail: string, index: PathIndex): string[] =>
  [...index.paths].filter((path) => path === tail || path.endsWith(`/${tail}`));

const resolvePython = (specifier: string, from: string, index: PathIndex): string[] => {
  const dots = /^\.*/.exec(specifier)?.[0].length ?? 0;
  const rest = specifier.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let directory = posix.dirname(from);
    for (let up = 1; up < dots; up += 1) directory = posix.dirname(directory);
    const base = rest === '' ? directory : posix.join(directory, rest);
    return [`${base}.py`, `${base}/__init__.py`].filter((path) => index.paths.has(path));
  }
  if (rest === '') return [];
  return [...endingWith(`${rest}.py`, index), ...endingWith(`${rest}/__init__.py`, index)];
};

const resolveGo = (specifier: string, index: PathIndex): string[] => {
  const matches: string[] = [];
  for (const [directory, files] of index.byDirectory) {
    if (directory === '.') continue;
    if (specifier === directory || specifier.endsWith(`/${directory}`))
      matches.push(...files.filter((path) => path.endsWith('.go') && !path.endsWith('_test.go')));
  }
  return matches;
};

const resolveJava = (specifier: string, index: PathIndex): string[] => {
  const parts = specifier.split('.');
  if (parts.at(-1) === '*') {
    const directory = parts.slice(0, -1).join('/');
    return [...index.byDirectory]
      .filter(([dir]) => dir === directory || dir.endsWith(`/${directory}`))
      .flatMap(([, files]) => files.filter((path) => path.endsWith('.java')));
  }
  const direct = endingWith(`${parts.join('/')}.java`, index);
  // `import static a.b.C.member`: the class is one segment up.
  return direct.length > 0 ? direct : endingWith(`${parts.slice(0, -1).join('/')}.java`, index);
};

export const resolveImport = (specifier: string, from: string, index: PathIndex): string[] => {
  const language: LanguageId | null = languageOf(from);
  if (language === null) return [];
  switch (familyOf(language)) {
    case 'js':
      return resolveJs(specifier, from, index);
    case 'python':
      return resolvePython(specifier, from, index);
    case 'go':
      return resolveGo(specifier, index);
    case 'java':
      return resolveJava(specifier, index);
    default:
      return [];
  }
};

/** The repository files each file imports, resolved once per file however often asked. */
export const importResolver = (
  index: PathIndex,
): ((file: {
  readonly path: string;
  readonly outline: { readonly imports: readonly string[] } | null;
}) => ReadonlySet<string>) => {
  const resolved = new Map<string, ReadonlySet<string>>();
  return (file) => {
    let imports = resolved.get(file.path);
    if (imports === undefined) {
      const specifiers = file.outline?.imports ?? [];
      imports = new Set(
        specifiers.flatMap((specifier) => resolveImport(specifier, file.path, index)),
      );
      resolved.set(file.path, imports);
    }
    return imports;
  };
};
