/**
 * Property tests (fast-check): patches made by git from random trees (added, removed, renamed,
 * emptied, binary, CRLF and unterminated files) must count as git counts, and match what the
 * files API would list.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
import { lineText } from './test-line-texts.js';

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
