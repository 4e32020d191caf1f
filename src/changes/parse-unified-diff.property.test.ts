/**
 * Property tests (fast-check): patches written here from random hunks with awkward line texts
 * and file names must parse back to exactly those hunks, from git's format and from GitHub's
 * files API alike. Patches made by git from random trees are in
 * parse-unified-diff.git-trees.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffLine, Hunk } from '../domain/diff.js';
import { fromGitHubFiles } from './from-github-files.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { lineText } from './test-line-texts.js';

const NAMES = [
  'a.ts',
  'src/b c.py',
  'é/ü.go',
  'quote"d.txt',
  'tab\there.md',
  'x',
  'deep/er/path.js',
];

/** A name as git writes it: C-quoted, with octal UTF-8 bytes, when it needs quoting. */
const quoteName = (name: string): string => {
  if (!/["\\\t\n\u0000-\u001f\u007f-\uffff]/.test(name)) return name;
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n' };
  const body = [...Buffer.from(name, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (escapes[char] !== undefined) return escapes[char];
      return byte < 0x20 || byte >= 0x7f ? `\\${byte.toString(8).padStart(3, '0')}` : char;
    })
    .join('');
  return `"${body}"`;
};
const prefixed = (prefix: string, name: string): string => {
  const quoted = quoteName(name);
  return quoted.startsWith('"') ? `"${prefix}${quoted.slice(1)}` : `${prefix}${quoted}`;
};

type Kind = DiffLine['kind'];
/** One hunk as runs of lines: at least one change, context around it. */
const hunkLines = fc.array(fc.tuple(fc.constantFrom<Kind>('add', 'del', 'context'), lineText), {
  minLength: 1,
  maxLength: 12,
});

/** Builds hunks with consistent numbers from line runs, each hunk after the one before. */
const toHunks = (runs: readonly (readonly [Kind, string][])[]): Hunk[] => {
  let oldNext = 1;
  let newNext = 1;
  return runs.map((run, index) => {
    const gap = index === 0 ? 0 : 3;
    const oldStart = oldNext + gap;
    const newStart = newNext + gap;
    let oldLine = oldStart;
    let newLine = newStart;
    const lines: DiffLine[] = run.map(([kind, text]) => {
      const line: DiffLine = {
        kind,
        oldLine: kind === 'add' ? null : oldLine,
        newLine: kind === 'del' ? null : newLine,
        text,
      };
      if (kind !== 'add') oldLine += 1;
      if (kind !== 'del') newLine += 1;
      return line;
    });
    const oldLines = oldLine - oldStart;
    const newLines = newLine - newStart;
    oldNext = oldLine;
    newNext = newLine;
    return {
      oldStart: oldLines === 0 ? oldStart - 1 : oldStart,
      oldLines,
      newStart: newLines === 0 ? newStart - 1 : newStart,
      newLines,
      section: '',
      lines,
    };
  });
};

const renderHunks = (hunks: readonly Hunk[], endsWithoutNewline: boolean): string[] =>
  hunks.flatMap((hunk, index) => {
    const range = (start: number, count: number) =>
      count === 1 ? `${start}` : `${start},${count}`;
    const body = hunk.lines.map(
      (line) => `${line.kind === 'add' ? '+' : line.kind === 'del' ? '-' : ' '}${line.text}`,
    );
    const last = index === hunks.length - 1 && endsWithoutNewline;
    return [
      `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
      ...body,
      ...(last ? ['\\ No newline at end of file'] : []),
    ];
  });

const generatedFile = fc.record({
  name: fc.constantFrom(...NAMES),
  runs: fc.array(hunkLines, { minLength: 1, maxLength: 4 }),
  endsWithoutNewline: fc.boolean(),
});

describe('parseUnifiedDiff on generated hunks', () => {
  it('reads back exactly the hunks written, from git format and from the files API', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(generatedFile, { selector: (f) => f.name, minLength: 1, maxLength: 4 }),
        (files) => {
          const expected = files.map((file) => ({ ...file, hunks: toHunks(file.runs) }));
          const text = expected
            .flatMap((file) => [
              `diff --git ${prefixed('a/', file.name)} ${prefixed('b/', file.name)}`,
              'index 1111111..2222222 100644',
              `--- ${prefixed('a/', file.name)}`,
              `+++ ${prefixed('b/', file.name)}`,
              ...renderHunks(file.hunks, file.endsWithoutNewline),
            ])
            .join('\n');
          const model = parseUnifiedDiff(`${text}\n`);
          expect(model.files.map((f) => [f.path, f.status])).toEqual(
            expected.map((f) => [f.name, 'modified']),
          );
          expect(model.files.map((f) => f.hunks)).toEqual(expected.map((f) => f.hunks));
          const count = (kind: Kind) =>
            expected.reduce(
              (sum, f) =>
                sum +
                f.hunks.reduce((s, h) => s + h.lines.filter((l) => l.kind === kind).length, 0),
              0,
            );
          expect([model.additions, model.deletions]).toEqual([count('add'), count('del')]);

          const listed = expected.map((file, index) => ({
            filename: file.name,
            status: 'modified',
            additions: model.files[index]!.additions,
            deletions: model.files[index]!.deletions,
            changes: model.files[index]!.additions + model.files[index]!.deletions,
            patch: renderHunks(file.hunks, file.endsWithoutNewline).join('\n'),
          }));
          expect(fromGitHubFiles(listed, { truncated: false })).toEqual(model);
        },
      ),
      { numRuns: 300 },
    );
  });
});
