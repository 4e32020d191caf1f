/**
 * Property tests (fast-check): patches generated two ways. Written here from random hunks with
 * awkward line texts and file names, they must parse back to exactly those hunks, from git's
 * format and from GitHub's files API alike. Made by git from random trees (added, removed,
 * renamed, emptied, binary, CRLF and unterminated files), they must count as git counts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffLine, Hunk } from '../domain/diff.js';
import { fromGitHubFiles } from './from-github-files.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import {
  asApplyNumstat,
  asNumstat,
  expectedFromApply,
  expectedFromPatch,
  parseNameStatusZ,
  parseNumstatZ,
  runGitIn,
  toListedFiles,
} from './test-git-numstat.js';

/** Line texts that look like patch syntax, plus anything else without a newline. */
const TRICKY_TEXTS = [
  '',
  ' ',
  '-',
  '+',
  '--- a/x',
  '+++ b/x',
  '-- ',
  '@@ -1 +1 @@',
  '@@ -0,0 +1 @@ x',
  'diff --git a/x b/x',
  '\\ No newline at end of file',
  'Binary files a/x and b/x differ',
  'rename from x',
  'index 0000000..1111111',
  'crlf\r',
  '\t tab',
  'é ü 漢字 🙂',
  'x'.repeat(5000),
];
const lineText = fc.oneof(
  fc.constantFrom(...TRICKY_TEXTS),
  fc.string({ maxLength: 40 }).map((text) => text.replace(/[\n\0]/g, '')),
);

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

/** A file's content: lines from the tricky set, sometimes CRLF, sometimes unterminated or binary. */
const content = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ lines: fc.array(lineText, { maxLength: 30 }), terminated: fc.boolean() })
      .map(
        ({ lines, terminated }) => lines.join('\n') + (terminated && lines.length > 0 ? '\n' : ''),
      ),
  },
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 20 })
      .map((bytes) => Buffer.concat([Buffer.from([0]), Buffer.from(bytes)]).toString('latin1')),
  },
);

/** What happens to one file between the two commits. */
const change = fc.record({
  before: fc.option(content, { nil: null }),
  after: fc.oneof(
    { weight: 3, arbitrary: fc.option(content, { nil: null }) },
    { weight: 1, arbitrary: fc.constant('same' as const) },
    { weight: 1, arbitrary: fc.constant('edit-one-line' as const) },
  ),
  renameTo: fc.option(fc.constantFrom('moved/one.txt', 'moved/two tw.py', 'moved/é.md'), {
    nil: null,
  }),
});

const FILE_NAMES = ['one.txt', 'two.py', 'three.md', 'src/four.ts', 'space name.js'];

describe('parseUnifiedDiff on patches git made from generated trees', () => {
  it('counts as git diff --numstat and git apply --numstat, and matches the files API', () => {
    fc.assert(
      fc.property(
        fc.array(change, { minLength: FILE_NAMES.length, maxLength: FILE_NAMES.length }),
        (changes) => {
          const repo = mkdtempSync(join(tmpdir(), 'review-router-prop-'));
          try {
            const git = (args: readonly string[], input?: Buffer) => runGitIn(repo, args, input);
            const write = (name: string, text: string) => {
              const file = join(repo, name);
              mkdirSync(dirname(file), { recursive: true });
              // A binary file is generated as bytes in latin1; text is written as UTF-8.
              writeFileSync(file, text.includes('\0') ? Buffer.from(text, 'latin1') : text);
            };
            git(['-c', 'init.defaultBranch=main', 'init', '-q', '.']);
            changes.forEach((c, i) => {
              if (c.before !== null) write(FILE_NAMES[i]!, c.before);
            });
            git(['add', '-A']);
            git(['commit', '-q', '--allow-empty', '-m', 'before']);
            const renamed = new Set<string>();
            changes.forEach((c, i) => {
              const name = FILE_NAMES[i]!;
              // A file that stays or gets one more line may move: a pure rename, or one with an edit.
              const moveTo =
                c.before !== null && c.renameTo !== null && !renamed.has(c.renameTo)
                  ? c.renameTo
                  : null;
              if (c.after === 'same' || c.after === 'edit-one-line') {
                if (c.before === null) return;
                const text = c.after === 'same' ? c.before : `${c.before}\nedited\n`;
                if (moveTo !== null) {
                  renamed.add(moveTo);
                  rmSync(join(repo, name), { force: true });
                }
                if (moveTo !== null || c.after === 'edit-one-line') write(moveTo ?? name, text);
                return;
              }
              if (c.after === null) rmSync(join(repo, name), { force: true });
              else write(name, c.after);
            });
            git(['add', '-A']);
            git(['commit', '-q', '--allow-empty', '-m', 'after']);
            const moves = ['-M', '-C'];
            const patch = git(['diff', ...moves, 'HEAD~1', 'HEAD']);
            const model = parseUnifiedDiff(patch.toString('utf8'));
            const numstat = parseNumstatZ(
              git(['diff', '--numstat', '-z', ...moves, 'HEAD~1', 'HEAD']),
            );
            expect(asNumstat(model)).toEqual(expectedFromPatch(numstat, model));
            if (patch.length > 0) {
              const applied = parseNumstatZ(git(['apply', '--numstat', '-z'], patch));
              expect(asApplyNumstat(model)).toEqual(expectedFromApply(applied, model));
            }
            const statuses = parseNameStatusZ(
              git(['diff', '--name-status', '-z', ...moves, 'HEAD~1', 'HEAD']),
            );
            expect(model.files.map((f) => f.status)).toEqual(statuses);
            const listed = fromGitHubFiles(
              toListedFiles(patch.toString('utf8'), numstat, statuses),
              {
                truncated: false,
              },
            );
            // Without a patch GitHub cannot tell an empty file (added or removed) or a mode change
            // from a binary file, nor a binary file renamed with an edit from a pure rename; the
            // counts still agree. Every other file is the same file.
            expect(listed.files).toHaveLength(model.files.length);
            model.files.forEach((file, index) => {
              const same = (file.binary && file.previousPath === null) || file.hunks.length > 0;
              if (same) expect(listed.files[index]).toEqual(file);
              else
                expect(listed.files[index]).toMatchObject({
                  path: file.path,
                  additions: 0,
                  deletions: 0,
                });
            });
          } finally {
            rmSync(repo, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
