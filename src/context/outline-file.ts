/** The definitions, used names and imports of one source file, read with its tree-sitter grammar. */
import { LANGUAGE_RULES, type LanguageId, type LanguageRules } from './languages.js';
import { parserFor, type SyntaxNode } from './load-parser.js';
import type { Definition, FileOutline, Use } from './types.js';

/** Files above this size are minified or generated: their symbols are not worth the CPU. */
export const MAX_PARSED_CHARS = 400_000;

const EMPTY: FileOutline = { definitions: [], uses: [], imports: [] };

export const outlineFile = async (language: LanguageId, text: string): Promise<FileOutline> => {
  if (text.length > MAX_PARSED_CHARS) return EMPTY;
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  try {
    return readOutline(tree.rootNode, LANGUAGE_RULES[language]);
  } finally {
    tree.delete();
    parser.delete();
  }
};

const readOutline = (root: SyntaxNode, rules: LanguageRules): FileOutline => {
  const definitions: Definition[] = [];
  const uses: Use[] = [];
  const imports: string[] = [];
  const identifiers = new Set(rules.identifiers);
  const importTypes = new Set(rules.imports);
  const cursor = root.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const node = cursor.currentNode;
      const kind = Object.hasOwn(rules.definitions, node.type)
        ? rules.definitions[node.type]
        : undefined;
      if (kind !== undefined) {
        const definition = definitionOf(node, kind);
        if (definition !== null) definitions.push(definition);
      }
      if (identifiers.has(node.type) && !isDefinitionName(node, rules))
        uses.push({ name: node.text, line: node.startPosition.row + 1 });
      if (importTypes.has(node.type)) imports.push(...importsOf(node));
      if (isRequireCall(node)) imports.push(...importsOf(node));
    }
    if (descend && cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descend = false;
  }
  cursor.delete();
  return { definitions, uses, imports };
};

const definitionOf = (node: SyntaxNode, kind: Definition['kind']): Definition | null => {
  const name = node.childForFieldName('name');
  if (name === null) return null;
  if (node.type === 'variable_declarator') {
    // Only module-level constants and functions: `const x = ...` at the top, exported or not.
    if (name.type !== 'identifier') return null;
    const declaration = node.parent;
    const scope = declaration?.parent;
    if (declaration === null || scope === null || scope === undefined) return null;
    const top = scope.type === 'program' || scope.type === 'export_statement';
    if (!top) return null;
    const span = scope.type === 'export_statement' ? scope : declaration;
    const value = node.childForFieldName('value');
    const functionLike =
      value !== null && (value.type === 'arrow_function' || value.type === 'function_expression');
    return {
      name: name.text,
      kind: functionLike ? 'function' : kind,
      startLine: span.startPosition.row + 1,
      endLine: span.endPosition.row + 1,
    };
  }
  // An exported declaration starts at its `export` keyword.
  const span = node.parent?.type === 'export_statement' ? node.parent : node;
  return {
    name: name.text,
    kind,
    startLine: span.startPosition.row + 1,
    endLine: span.endPosition.row + 1,
  };
};

const isDefinitionName = (node: SyntaxNode, rules: LanguageRules): boolean => {
  const parent = node.parent;
  if (parent === null || !Object.hasOwn(rules.definitions, parent.type)) return false;
  return parent.childForFieldName('name')?.id === node.id;
};

const isRequireCall = (node: SyntaxNode): boolean =>
  node.type === 'call_expression' && node.childForFieldName('function')?.text === 'require';

const unquote = (text: string): string => text.replace(/^["'`]|["'`]$/g, '');

/** The module names an import node mentions. */
const importsOf = (node: SyntaxNode): string[] => {
  switch (node.type) {
    case 'import_statement':
    case 'export_statement': {
      const source = node.childForFieldName('source');
      if (source !== null) return [unquote(source.text)];
      // Python: `import a.b, c`.
      return node.namedChildren
        .filter((child) => child.type === 'dotted_name' || child.type === 'aliased_import')
        .map((child) => (child.childForFieldName('name') ?? child).text);
    }
    case 'import_from_statement': {
      const module = node.childForFieldName('module_name');
      if (module === null) return [];
      const names = node
        .childrenForFieldName('name')
        .map((child) => (child.childForFieldName('name') ?? child).text);
      // `from . import x` and `from pkg import mod` may name modules as well as symbols.
      return [
        module.text,
        ...names.map((name) => `${module.text}${module.text.endsWith('.') ? '' : '.'}${name}`),
      ];
    }
    case 'import_spec': {
      const path = node.childForFieldName('path');
      return path === null ? [] : [unquote(path.text)];
    }
    case 'import_declaration':
      return node.namedChildren
        .filter((child) => child.type === 'scoped_identifier' || child.type === 'identifier')
        .map((child) => child.text);
    case 'call_expression': {
      const argument = node.childForFieldName('arguments')?.namedChildren[0];
      return argument?.type === 'string' ? [unquote(argument.text)] : [];
    }
    default:
      return [];
  }
};
