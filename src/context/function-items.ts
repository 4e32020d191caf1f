/** The `functions` level: each hunk widened to the function or class that encloses it. */
import type { FileChange } from '../domain/diff.js';
import { linesOf, type ReadFile } from './read-code.js';
import type { ContextItem, Definition } from './types.js';

/** A longer enclosing definition is shown only around the change, this many lines each side. */
export const MAX_FUNCTION_LINES = 150;
const MARGIN = 20;

/** The lines of the new file each hunk touches: added lines, or where a deletion was. */
const touchedLines = (file: FileChange): number[][] =>
  file.hunks.map((hunk) => {
    const added = hunk.lines.flatMap((line) =>
      line.kind === 'add' && line.newLine !== null ? [line.newLine] : [],
    );
    return added.length > 0 ? added : [Math.max(1, hunk.newStart + Math.floor(hunk.newLines / 2))];
  });

/** The smallest function-like definition containing `line`, else the smallest class. */
export const enclosingDefinition = (
  definitions: readonly Definition[],
  line: number,
): Definition | null => {
  let best: Definition | null = null;
  for (const definition of definitions) {
    if (definition.kind === 'variable' || definition.kind === 'type') continue;
    if (line < definition.startLine || line > definition.endLine) continue;
    const size = definition.endLine - definition.startLine;
    if (best === null || size < best.endLine - best.startLine) best = definition;
  }
  return best;
};

export const functionItems = (change: FileChange, file: ReadFile): ContextItem[] => {
  if (file.outline === null) {
    return [
      {
        path: file.path,
        kind: 'file',
        symbol: null,
        reason: 'no grammar reads this language: the whole file',
        startLine: 1,
        text: file.text,
        level: 'functions',
      },
    ];
  }
  const { definitions } = file.outline;
  const items: ContextItem[] = [];
  const seen = new Set<string>();
  for (const lines of touchedLines(change)) {
    const first = Math.min(...lines);
    const last = Math.max(...lines);
    const definition = enclosingDefinition(definitions, first);
    if (definition === null) continue;
    const long = definition.endLine - definition.startLine + 1 > MAX_FUNCTION_LINES;
    const start = long ? Math.max(definition.startLine, first - MARGIN) : definition.startLine;
    const end = long ? Math.min(definition.endLine, last + MARGIN) : definition.endLine;
    const key = `${start}-${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      path: file.path,
      kind: 'function',
      symbol: definition.name,
      reason: long
        ? `the part of ${definition.kind} ${definition.name} around a change`
        : `the ${definition.kind} enclosing a change`,
      startLine: start,
      text: linesOf(file, start, end),
      level: 'functions',
    });
  }
  return items;
};
