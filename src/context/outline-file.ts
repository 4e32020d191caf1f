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

/**
 * One pass of a tree cursor. Node objects are made only for definitions and imports: reading
 * type, text and position off the cursor is several times faster than materialising every node.
 */
const readOutline = (root: SyntaxNode, rules: LanguageRules): FileOutline => {
  const definitions: Definition[] = [];
  const uses: Use[] = [];
  const imports: string[] = [];
  const identifiers = new Set(rules.identifiers);
  const importTypes = new Set(rules.imports);
  const cursor = root.walk();
  // The types of the current node's ancestors, innermost last.
  const parents: string[] = [];
  let descend = true;
  for (;;) {
    const type = cursor.nodeType;
    if (descend) {
      const kind = Object.hasOwn(rules.definitions, type) ? rules.definitions[type] : undefined;
      if (kind !== undefined) {
        const definition = definitionOf(cursor.currentNode, kind);
        if (definition !== null) definitions.push(definition);
      } else if (identifiers.has(type)) {
        const field = cursor.currentFieldName;
        const parent = parents.at(-1) ?? '';
        const namesDefinition = field === 'name' && Object.hasOwn(rules.definitions, parent);
        const text = cursor.nodeText;
        if (!namesDefinition) uses.push({ name: text, line: cursor.startPosition.row + 1 });
        if (text === 'require' && field === 'function' && parent === 'call_expression') {
          const call = cursor.currentNode.parent;
          if (call !== null) imports.push(...importsOf(call));
        }
      } else if (importTypes.has(type)) {
        imports.push(...importsOf(cursor.currentNode));
      }
    }
    if (descend && cursor.gotoFirstChild()) {
      parents.push(type);
      continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    parents.pop();
    descend = false;
  }
  cursor.delete();
  return { definitions, uses, imports };
};

const definitionOf = (node: SyntaxNode, kind: Definition['kind']): Definition | null => {
  if (node.type === 'function_expression' || node.type === 'arrow_function')
    return functionValueOf(node);
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

/**
 * A function written as a value, where it has a name to be found by: assigned to a property or
 * a name (`res.send = function send() {}`, `exports.run = () => {}`), a property's value
 * (`{ send: function () {} }`), or a named function expression anywhere (`defineGetter(req,
 * 'host', function host() {})`). A declarator's value is the declarator's (`const f = () => {}`);
 * an anonymous callback has no name to find it by.
 */
const functionValueOf = (node: SyntaxNode): Definition | null => {
  const parent = node.parent;
  if (parent === null || parent.type === 'variable_declarator') return null;
  const own = node.childForFieldName('name')?.text ?? null;
  let name = own;
  let span: SyntaxNode = node;
  if (
    parent.type === 'assignment_expression' &&
    parent.childForFieldName('right')?.id === node.id
  ) {
    const left = parent.childForFieldName('left');
    name ??=
      (left?.type === 'member_expression' ? left.childForFieldName('property') : left)?.text ??
      null;
    span = parent.parent?.type === 'expression_statement' ? parent.parent : parent;
  } else if (parent.type === 'pair') {
    name ??= unquote(parent.childForFieldName('key')?.text ?? '') || null;
    span = parent;
  }
  if (name === null) return null;
  return {
    name,
    kind: 'function',
    startLine: span.startPosition.row + 1,
    endLine: span.endPosition.row + 1,
  };
};

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
