/**
 * The shapes a credential is written in, across languages and formats: each takes a key name's
 * stem (`gitlab`) and the value, and returns the text a pull request would hold.
 */
export interface Shape {
  readonly name: string;
  readonly render: (stem: string, value: string) => string;
}

const camel = (stem: string): string => `${stem}Token`;
const snake = (stem: string): string => `${stem}_token`;
const upper = (stem: string): string => `${stem.toUpperCase()}_TOKEN`;
const base64 = (value: string): string => Buffer.from(value).toString('base64');

const shape = (name: string, render: (stem: string, value: string) => string): Shape => ({
  name,
  render,
});

export const ASSIGNMENT_SHAPES: readonly Shape[] = [
  shape('INI quoted', (s, v) => `${camel(s)}="${v}"`),
  shape('INI quoted, spaced', (s, v) => `${camel(s)} = "${v}"`),
  shape('INI unquoted', (s, v) => `${camel(s)}=${v}`),
  shape('INI unquoted, spaced', (s, v) => `${camel(s)} = ${v}`),
  shape('JSON', (s, v) => `{\n    "${snake(s)}": "${v}"\n}`),
  shape('JSON holding an env file', (s, v) => `{"config.ini": "${upper(s)}=${v}\\nBACKUP=true"}`),
  shape('XML element', (s, v) => `<${camel(s)}>${v}</${camel(s)}>`),
  shape('XML element on its own line', (s, v) => `<${camel(s)}>\n    ${v}\n</${camel(s)}>`),
  shape('NuGet config', (s, v) => `<add key="${camel(s)}" value="${v}" />`),
  shape('YAML unquoted', (s, v) => `${snake(s)}: ${v}`),
  shape('YAML single-quoted', (s, v) => `${snake(s)}: '${v}'`),
  shape('YAML double-quoted', (s, v) => `${snake(s)}: "${v}"`),
  shape('YAML block scalar', (s, v) => `${snake(s)}: |\n  ${v}`),
  shape('GitHub Actions env', (s, v) => `env:\n  ${upper(s)}: ${v}`),
  shape('C#', (s, v) => `string ${camel(s)} = "${v}";`),
  shape('Go var', (s, v) => `var ${camel(s)} string = "${v}"`),
  shape('Go short', (s, v) => `${camel(s)} := "${v}"`),
  shape('Go backticks', (s, v) => `${camel(s)} := \`${v}\``),
  shape('Java', (s, v) => `String ${camel(s)} = "${v}";`),
  shape('Java system property', (s, v) => `System.setProperty("${upper(s)}", "${v}")`),
  shape('Kotlin', (s, v) => `var ${camel(s)} = "${v}"`),
  shape('Kotlin typed', (s, v) => `val ${camel(s)}: String = "${v}"`),
  shape('PHP concatenation', (s, v) => `$${camel(s)} .= "${v}";`),
  shape('PHP array', (s, v) => `'${snake(s)}' => '${v}',`),
  shape('Python single quote', (s, v) => `${camel(s)} = '${v}'`),
  shape('Python typed', (s, v) => `${snake(s)}: str = "${v}"`),
  shape('Python numbered name', (s, v) => `${snake(s)}_12 = "${v}"`),
  shape('Python dict', (s, v) => `config = {"${snake(s)}": "${v}"}`),
  shape('Ruby hash', (s, v) => `  ${snake(s)}: "${v}",`),
  shape('JavaScript const', (s, v) => `const ${camel(s)} = "${v}";`),
  shape('TypeScript object', (s, v) => `  ${camel(s)}: '${v}',`),
  shape('TypeScript typed template', (s, v) => `const ${camel(s)}: string = \`${v}\`;`),
  shape('shell export', (s, v) => `export ${upper(s)}=${v}`),
  shape('shell export quoted', (s, v) => `export ${upper(s)}="${v}"`),
  shape('.env', (s, v) => `${upper(s)}=${v}`),
  shape('Dockerfile ENV', (s, v) => `ENV ${upper(s)}=${v}`),
  shape('Makefile recursive', (s, v) => `${upper(s)} = "${v}"`),
  shape('Makefile simple', (s, v) => `${upper(s)} := "${v}"`),
  shape('Makefile shell', (s, v) => `${upper(s)} ::= "${v}"`),
  shape('Makefile evaluated', (s, v) => `${upper(s)} :::= "${v}"`),
  shape('Makefile conditional', (s, v) => `${upper(s)} ?= ${v}`),
  shape('Logstash', (s, v) => `  "${camel(s)}" => "${v}"`),
  shape('Terraform', (s, v) => `  ${snake(s)} = "${v}"`),
  shape('C define', (s, v) => `#define ${upper(s)} "${v}"`),
  shape('command-line flag', (s, v) => `./deploy --${s}-token=${v} --verbose`),
  shape('command-line flag, spaced', (s, v) => `./deploy --${s}-token ${v}`),
  shape('URL query', (s, v) => `https://api.example.com/v1/items?${snake(s)}=${v}&page=2`),
  shape('Kubernetes Secret', (s, v) =>
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app',
      'type: Opaque',
      'data:',
      `  ${s}-token: ${base64(v)}`,
    ].join('\n'),
  ),
];

/** What a shape must hide: the value, or its base64 where the shape encodes it. */
export const hiddenValue = (shapeName: string, value: string): string =>
  shapeName === 'Kubernetes Secret' ? base64(value) : value;

/** Shapes with no name beside the value: a format that identifies itself is caught in these. */
export const BARE_SHAPES: readonly Shape[] = [
  shape('quoted list item', (_s, v) => `  "${v}",`),
  shape('in a sentence', (_s, v) => `Use ${v} for the staging deploy.`),
  shape('alone on a line', (_s, v) => v),
  shape('function argument', (_s, v) => `client = Client('${v}')`),
];
