import { describe, expect, it } from 'vitest';
import { CodeReader } from './read-code.js';
import type { CodeSource } from './types.js';

const source = (texts: Record<string, string>): CodeSource => ({
  listPaths: () => Promise.resolve(Object.keys(texts)),
  readFiles: (paths) =>
    Promise.resolve(
      new Map(paths.flatMap((path) => (texts[path] === undefined ? [] : [[path, texts[path]]]))),
    ),
});

describe('CodeReader', () => {
  it('says why a file past the round’s limit, or without text, was not read', async () => {
    const reader = new CodeReader(source({ 'a.py': 'a = 1\n', 'b.py': 'b = 2\n' }), []);

    await reader.read(['a.py', 'missing.py', 'b.py'], 2);

    expect([...reader.files.keys()]).toEqual(['a.py']);
    expect(reader.unread).toEqual([
      { path: 'b.py', reason: 'past the first 2 files read in its round' },
      {
        path: 'missing.py',
        reason: 'no text at this commit (a binary, missing or too large file)',
      },
    ]);
  });
});
