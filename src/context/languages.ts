/** The languages whose symbols are read with a tree-sitter grammar; other files are whole files. */

export type LanguageId = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java';

export interface LanguageRules {
  /** Node types that define a name (read from the node's `name` field). */
  readonly definitions: Readonly<Record<string, 'function' | 'class' | 'type' | 'variable'>>;
  /** Node types whose text is a name used. */
  readonly identifiers: readonly string[];
  /** Node types of an import, and how to read the module it names. */
  readonly imports: readonly string[];
}

const JS_DEFINITIONS = {
  function_declaration: 'function',
  generator_function_declaration: 'function',
  method_definition: 'function',
  class_declaration: 'class',
  abstract_class_declaration: 'class',
  interface_declaration: 'type',
  type_alias_declaration: 'type',
  enum_declaration: 'type',
  variable_declarator: 'variable',
  // `res.send = function send() {}`, `exports.run = () => {}`, `{ key: function () {} }`: named
  // by the function or by what it is assigned to (outline-file.ts).
  function_expression: 'function',
  arrow_function: 'function',
} as const;

const JS: LanguageRules = {
  definitions: JS_DEFINITIONS,
  identifiers: ['identifier', 'type_identifier', 'property_identifier'],
  imports: ['import_statement', 'export_statement'],
};

export const LANGUAGE_RULES: Readonly<Record<LanguageId, LanguageRules>> = {
  typescript: JS,
  tsx: JS,
  javascript: JS,
  python: {
    definitions: { function_definition: 'function', class_definition: 'class' },
    identifiers: ['identifier'],
    imports: ['import_statement', 'import_from_statement'],
  },
  go: {
    definitions: {
      function_declaration: 'function',
      method_declaration: 'function',
      type_spec: 'type',
      const_spec: 'variable',
      var_spec: 'variable',
    },
    identifiers: ['identifier', 'type_identifier', 'field_identifier'],
    imports: ['import_spec'],
  },
  java: {
    definitions: {
      class_declaration: 'class',
      interface_declaration: 'type',
      enum_declaration: 'type',
      record_declaration: 'class',
      method_declaration: 'function',
      constructor_declaration: 'function',
    },
    identifiers: ['identifier', 'type_identifier'],
    imports: ['import_declaration'],
  },
};

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  py: 'python',
  go: 'go',
  java: 'java',
};

/** The language of a path by its extension, or null when no grammar reads it. */
export const languageOf = (path: string): LanguageId | null => {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? null;
};

/** Files of one family can use each other's definitions (TypeScript imports JavaScript). */
export const familyOf = (language: LanguageId): string =>
  language === 'tsx' || language === 'typescript' || language === 'javascript' ? 'js' : language;
