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

/** Whether a sorted array holds a value in [low, high]. */
const holdsBetween = (sorted: readonly number[], low: number, high: number): boolean => {
  let from = 0;
  let to = sorted.length;
  while (from < to) {
    const middle = (from + to) >>> 1;
    if ((sorted[middle] ?? 0) < low) from = middle + 1;
    else to = middle;
  }
  return from < sorted.length && (sorted[from] ?? 0) <= high;
};

interface Touched {
  readonly definition: Definition;
  first: number;
  last: number;
}

/**
 * Every definition each hunk's lines fall in, with the first and last of those lines: a hunk that
 * changes two functions widens to both. A line is in the definition of the line before it unless a
 * definition starts or ends between them, so the definitions are searched only there.
 */
const touchedDefinitions = (
  hunks: readonly number[][],
  definitions: readonly Definition[],
): Touched[] => {
  const callable = definitions.filter((d) => d.kind !== 'variable' && d.kind !== 'type');
  const starts = callable.map((d) => d.startLine).sort((a, b) => a - b);
  const ends = callable.map((d) => d.endLine).sort((a, b) => a - b);
  const touched: Touched[] = [];
  for (const lines of hunks) {
    const byDefinition = new Map<Definition, Touched>();
    let previousLine = 0;
    let previous: Definition | null = null;
    // A hunk's lines are in the order of the new file.
    for (const line of lines) {
      const same =
        previousLine > 0 &&
        !holdsBetween(starts, previousLine + 1, line) &&
        !holdsBetween(ends, previousLine, line - 1);
      const definition: Definition | null = same ? previous : enclosingDefinition(callable, line);
      previousLine = line;
      previous = definition;
      if (definition === null) continue;
      const entry = byDefinition.get(definition);
      if (entry === undefined)
        byDefinition.set(definition, { definition, first: line, last: line });
      else entry.last = line;
    }
    touched.push(...byDefinition.values());
  }
  return touched;
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
  const windows = mergedWindows(
    touchedDefinitions(touchedLines(change), file.outline.definitions).map(
      ({ definition, first, last }) => {
        const long = definition.endLine - definition.startLine + 1 > MAX_FUNCTION_LINES;
        return {
          definition,
          long,
          start: long ? Math.max(definition.startLine, first - MARGIN) : definition.startLine,
          end: long ? Math.min(definition.endLine, last + MARGIN) : definition.endLine,
        };
      },
    ),
  );
  return windows.map(({ definition, long, start, end }) => ({
    path: file.path,
    kind: 'function',
    symbol: definition.name,
    reason: long
      ? `the part of ${definition.kind} ${definition.name} around a change`
      : `the ${definition.kind} enclosing a change`,
    startLine: start,
    text: linesOf(file, start, end),
    level: 'functions',
  }));
};

interface Window {
  readonly definition: Definition;
  readonly long: boolean;
  readonly start: number;
  end: number;
}

/**
 * One window per stretch of a definition: several hunks in one long function whose windows overlap
 * or touch quote its lines once. Windows keep the order of their first hunk.
 */
const mergedWindows = (windows: readonly Window[]): Window[] => {
  const merged: { window: Window; order: number }[] = [];
  const last = new Map<Definition, { window: Window; order: number }>();
  const sorted = windows
    .map((window, order) => ({ window: { ...window }, order }))
    .sort((a, b) => a.window.start - b.window.start);
  for (const entry of sorted) {
    const open = last.get(entry.window.definition);
    if (open !== undefined && entry.window.start <= open.window.end + 1) {
      open.window.end = Math.max(open.window.end, entry.window.end);
      open.order = Math.min(open.order, entry.order);
      continue;
    }
    merged.push(entry);
    last.set(entry.window.definition, entry);
  }
  return merged.sort((a, b) => a.order - b.order).map((entry) => entry.window);
};
