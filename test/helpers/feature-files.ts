/**
 * The 100-file pull request the code-context integration tests send: `src/feature/f<i>.ts`, each a
 * function long enough to reach the cache minimum whose last line the change replaces, and
 * GraphQL's answer when the app reads files through the code source.
 */

export const FEATURE_FILES = 100;

export const featurePaths = Array.from(
  { length: FEATURE_FILES },
  (_, index) => `src/feature/f${index}.ts`,
);

/** The base's last line of file `index`: what the change replaces. */
const baseReturn = (index: number): string => `  return step0 + ${index};`;

/** File `index` at the head (with `changedReturn`, its new last line) or at the base (null). */
export const featureFile = (index: number, changedReturn: string | null): string =>
  [
    "import { shared } from '../lib/shared.js';",
    '',
    `export const feature${index} = (value: number): number => {`,
    ...Array.from({ length: 12 }, (_, line) => `  const step${line} = value * ${line + index};`),
    changedReturn ?? baseReturn(index),
    '};',
    '',
  ].join('\n');

/** The pull request's patch of file `index`: its last line replaced by `changedReturn`. */
export const featurePatch = (index: number, changedReturn: string): string =>
  [
    '@@ -15,3 +15,3 @@ export const feature',
    `   const step11 = value * ${11 + index};`,
    `-${baseReturn(index)}`,
    `+${changedReturn}`,
    ' };',
  ].join('\n');

/**
 * GraphQL's answer to a query of these expressions, in the order the adapter asks (its aliases
 * are f0, f1, ...), from the texts by expression; an expression without a text is absent (null).
 */
export const blobsAnswer = (
  texts: ReadonlyMap<string, string>,
  expressions: readonly string[],
) => ({
  data: {
    repository: Object.fromEntries(
      expressions.map((expression, index) => [
        `f${index}`,
        texts.has(expression) ? { text: texts.get(expression), isBinary: false } : null,
      ]),
    ),
  },
});
