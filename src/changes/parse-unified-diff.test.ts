import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { changed, patch, summarize, type Summary } from './test-summarize-file.js';

const cases: { name: string; text: string; files: Summary[] }[] = [
  {
    name: 'several files in one patch',
    text: patch(
      'diff --git a/one.txt b/one.txt',
      'index 1..2 100644',
      '--- a/one.txt',
      '+++ b/one.txt',
      '@@ -1 +1 @@',
      '-1',
      '+one',
      'diff --git a/two.txt b/two.txt',
      'index 1..2 100644',
      '--- a/two.txt',
      '+++ b/two.txt',
      '@@ -1,2 +1 @@',
      '-x',
      ' y',
    ),
    files: [
      changed('one.txt', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] }),
      changed('two.txt', { deletions: 1, hunks: [[1, 2, 1, 1]] }),
    ],
  },
  {
    name: 'a rename with edits',
    text: patch(
      'diff --git a/old/name.ts b/new/name.ts',
      'similarity index 90%',
      'rename from old/name.ts',
      'rename to new/name.ts',
      'index 1..2 100644',
      '--- a/old/name.ts',
      '+++ b/new/name.ts',
      '@@ -4,3 +4,3 @@',
      ' 3',
      '-4',
      '+four',
      ' 5',
    ),
    files: [
      changed('new/name.ts', {
        previousPath: 'old/name.ts',
        status: 'renamed',
        additions: 1,
        deletions: 1,
        hunks: [[4, 3, 4, 3]],
      }),
    ],
  },
  {
    name: 'a pure rename, which has no hunks',
    text: patch(
      'diff --git a/a b.txt b/c d.txt',
      'similarity index 100%',
      'rename from a b.txt',
      'rename to c d.txt',
    ),
    files: [changed('c d.txt', { previousPath: 'a b.txt', status: 'renamed' })],
  },
  {
    name: 'a copy without edits and a copy with edits',
    text: patch(
      'diff --git a/src.txt b/copy.txt',
      'similarity index 100%',
      'copy from src.txt',
      'copy to copy.txt',
      'diff --git a/src.txt b/copy2.txt',
      'similarity index 80%',
      'copy from src.txt',
      'copy to copy2.txt',
      'index 1..2 100644',
      '--- a/src.txt',
      '+++ b/copy2.txt',
      '@@ -1,2 +1,3 @@',
      ' a',
      ' b',
      '+c',
    ),
    files: [
      changed('copy.txt', { previousPath: 'src.txt', status: 'copied' }),
      changed('copy2.txt', {
        previousPath: 'src.txt',
        status: 'copied',
        additions: 1,
        hunks: [[1, 2, 1, 3]],
      }),
    ],
  },
  {
    name: 'a mode-only change, read as modified with zero counts',
    text: patch('diff --git a/tool.sh b/tool.sh', 'old mode 100644', 'new mode 100755'),
    files: [changed('tool.sh')],
  },
  {
    name: 'a new file, whose hunk starts at line 0',
    text: patch(
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1,3 @@',
      '+a',
      '+b',
      '+c',
    ),
    files: [changed('new.txt', { status: 'added', additions: 3, hunks: [[0, 0, 1, 3]] })],
  },
  {
    name: 'a deleted file, whose hunk ends at line 0',
    text: patch(
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
      '-a',
      '-b',
      '-c',
    ),
    files: [changed('gone.txt', { status: 'removed', deletions: 3, hunks: [[1, 3, 0, 0]] })],
  },
  {
    name: 'a new empty file and a deleted empty file',
    text: patch(
      'diff --git a/empty.txt b/empty.txt',
      'new file mode 100644',
      'index 0000000..e69de29',
      'diff --git a/was empty.txt b/was empty.txt',
      'deleted file mode 100644',
      'index e69de29..0000000',
    ),
    files: [
      changed('empty.txt', { status: 'added' }),
      changed('was empty.txt', { status: 'removed' }),
    ],
  },
];

describe('parseUnifiedDiff: files, paths and statuses', () => {
  it.each(cases)('reads $name', ({ text, files }) => {
    expect(parseUnifiedDiff(text).files.map(summarize)).toEqual(files);
  });

  it('totals additions and deletions over files and is never truncated', () => {
    const model = parseUnifiedDiff(
      cases.find((c) => c.name === 'several files in one patch')!.text,
    );
    expect([model.additions, model.deletions, model.truncated]).toEqual([1, 2, false]);
  });

  it('reads text decoded as latin1 without failing, bytes and all', () => {
    const bytes = Buffer.from(
      patch(
        'diff --git a/l.txt b/l.txt',
        '--- a/l.txt',
        '+++ b/l.txt',
        '@@ -1 +1 @@',
        '-caf\u00e9',
        '+\uFFFD\u0000\u00ff',
      ),
      'utf8',
    );
    const file = parseUnifiedDiff(bytes.toString('latin1')).files[0]!;
    expect([file.path, file.additions, file.deletions]).toEqual(['l.txt', 1, 1]);
    expect(file.hunks[0]!.lines[0]!.text).toBe('caf\u00c3\u00a9');
  });
});
