import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';

const fixtures = new URL('../../test/fixtures/patches/', import.meta.url);

/** `git apply --numstat -z` run outside any repository: `A\tD\tpath\0`, `-` for binary. */
function applyNumstat(text: string): [string, number | null, number | null][] {
  const output = execFileSync('git', ['apply', '--numstat', '-z'], {
    cwd: tmpdir(),
    input: text,
    stdio: 'pipe',
  });
  return output
    .toString('utf8')
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const [added, deleted, path] = record.split('\t');
      const count = (value: string | undefined) => (value === '-' ? null : Number(value));
      return [path!, count(added), count(deleted)];
    });
}

const expectations: { fixture: string; files: [string, string | null, string][] }[] = [
  { fixture: 'rename-with-edit.patch', files: [['moved-and-edited.txt', 'moved.txt', 'renamed']] },
  { fixture: 'pure-rename.patch', files: [['renamed-only.txt', 'renamed.txt', 'renamed']] },
  { fixture: 'copy.patch', files: [['source-copy.ts', 'source.ts', 'copied']] },
  { fixture: 'mode-change.patch', files: [['tool.sh', null, 'modified']] },
  { fixture: 'deletion.patch', files: [['gone.txt', null, 'removed']] },
  { fixture: 'new-empty-file.patch', files: [['empty.txt', null, 'added']] },
  { fixture: 'binary.patch', files: [['image.bin', null, 'modified']] },
  { fixture: 'binary-literal.patch', files: [['image.bin', null, 'modified']] },
  { fixture: 'no-newline.patch', files: [['no-newline.txt', null, 'modified']] },
  { fixture: 'crlf.patch', files: [['windows.txt', null, 'modified']] },
  {
    fixture: 'quoted-path.patch',
    files: [
      ['sp ace.txt', null, 'modified'],
      ['späce name.txt', null, 'modified'],
    ],
  },
  { fixture: 'dash-lines.patch', files: [['rules.md', null, 'modified']] },
  {
    fixture: 'format-patch.patch',
    files: [
      ['mail.txt', null, 'modified'],
      ['renamed-only.txt', null, 'removed'],
      ['source.ts', null, 'modified'],
    ],
  },
  { fixture: 'plain-unified.patch', files: [['plain.txt', null, 'modified']] },
];

describe('the patches in test/fixtures/patches', () => {
  it.each(expectations)(
    'reads $fixture with the paths and statuses git gave it',
    ({ fixture, files }) => {
      const model = parseUnifiedDiff(readFileSync(new URL(fixture, fixtures), 'utf8'));
      expect(model.files.map((f) => [f.path, f.previousPath, f.status])).toEqual(files);
    },
  );

  it.each(expectations)('counts $fixture as git apply --numstat does', ({ fixture }) => {
    const text = readFileSync(new URL(fixture, fixtures), 'utf8');
    const model = parseUnifiedDiff(text);
    const counts = model.files.map((f) => [
      f.path,
      f.binary ? null : f.additions,
      f.binary ? null : f.deletions,
    ]);
    expect(counts).toEqual(applyNumstat(text));
  });
});
