import { describe, expect, it } from 'vitest';
import { outlineFile } from './outline-file.js';
import { ReadFile } from './read-code.js';
import { callerItems } from './related-items.js';

describe('callerItems', () => {
  it('quotes the function that calls a changed function, not the line that imports it', async () => {
    const lines = [
      'from app.handlers import handle',
      '',
      'def test_handle():',
      '    assert handle(1) == 1',
    ];
    const caller = new ReadFile(
      'tests/test_handlers.py',
      lines.join('\n'),
      [],
      await outlineFile('python', lines.join('\n')),
    );
    const items = callerItems({
      modified: new Map([['handle', 'app/handlers.py']]),
      removed: new Map(),
      files: [caller],
    });
    expect(items.map((item) => [item.path, item.startLine, item.text])).toEqual([
      ['tests/test_handlers.py', 3, 'def test_handle():\n    assert handle(1) == 1'],
    ]);
  });
});
