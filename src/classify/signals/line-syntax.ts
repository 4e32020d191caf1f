/** Which language family an added line is read as, by its file's extension. */
/** How a file's lines are read; `plain` (YAML, shell, Dockerfile, markup, unknown) is all code. */
export type Syntax = 'javascript' | 'python' | 'go' | 'jvm' | 'ruby' | 'php' | 'c' | 'plain';

const SYNTAX_BY_EXTENSION: ReadonlyMap<string, Syntax> = new Map(
  (
    [
      // Vue and Svelte stay plain: their markup holds code in quoted attributes (@click="...").
      ['javascript', 'js jsx mjs cjs ts tsx mts cts'],
      ['python', 'py pyw pyi'],
      ['go', 'go'],
      ['jvm', 'java kt kts scala groovy gradle'],
      ['ruby', 'rb rake gemspec'],
      ['php', 'php'],
      ['c', 'c h cc cpp cxx hh hpp hxx m mm cs rs swift'],
    ] as const
  ).flatMap(([syntax, extensions]) =>
    extensions.split(' ').map((extension): [string, Syntax] => [extension, syntax]),
  ),
);

/** The syntax a path's lines are read with, by its extension. */
export const syntaxOf = (path: string): Syntax => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
  return SYNTAX_BY_EXTENSION.get(extension) ?? 'plain';
};
