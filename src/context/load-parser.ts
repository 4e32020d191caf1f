/**
 * tree-sitter through WebAssembly: one runtime per process, each grammar loaded once, from the
 * prebuilt `.wasm` files of the `tree-sitter-wasms` package (no native build, no download).
 */
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';
import type { LanguageId } from './languages.js';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

const require = createRequire(import.meta.url);

let runtime: Promise<void> | null = null;
const grammars = new Map<LanguageId, Promise<Parser.Language>>();

const loadGrammar = async (language: LanguageId): Promise<Parser.Language> => {
  runtime ??= Parser.init();
  await runtime;
  return Parser.Language.load(
    require.resolve(`tree-sitter-wasms/out/tree-sitter-${language}.wasm`),
  );
};

/** A parser for `language`, its grammar loaded on first use. */
export const parserFor = async (language: LanguageId): Promise<Parser> => {
  let grammar = grammars.get(language);
  if (grammar === undefined) {
    grammar = loadGrammar(language);
    grammars.set(language, grammar);
  }
  const loaded = await grammar;
  const parser = new Parser();
  parser.setLanguage(loaded);
  return parser;
};
