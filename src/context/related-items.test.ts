import { describe, expect, it } from 'vitest';
import { outlineFile } from './outline-file.js';
import { ReadFile } from './read-code.js';
import { callerItems, definitionItems, indexDefinitions } from './related-items.js';

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

  it('quotes first the files that import the changed one, and never one that calls its own', async () => {
    const calls = (path: string) => readPython(path, ['def run(app):', '    return app.handle(1)']);
    const files = [
      await readPython('app/other.py', [
        'def handle(x):',
        '    return x',
        '',
        'def run():',
        '    return handle(2)',
      ]),
      await calls('app/x.py'),
      await calls('app/y.py'),
      await calls('app/z.py'),
      await readPython('tests/test_handlers.py', [
        'from app.handlers import handle',
        '',
        'def test_handle():',
        '    assert handle(1) == 1',
      ]),
    ];
    const imports = new Map([['tests/test_handlers.py', new Set(['app/handlers.py'])]]);
    const items = callerItems({
      modified: new Map([['handle', 'app/handlers.py']]),
      removed: new Map(),
      files,
      importsOf: (file) => imports.get(file.path) ?? new Set(),
    });
    expect(items.map((item) => item.path)).toEqual([
      'tests/test_handlers.py',
      'app/x.py',
      'app/y.py',
    ]);
  });
});

const readPython = async (path: string, lines: readonly string[]) =>
  new ReadFile(path, lines.join('\n'), [], await outlineFile('python', lines.join('\n')));

describe('definitionItems', () => {
  it("offers no function's locals or nested functions, nor another test's definitions", async () => {
    const changed = await readPython('src/client.py', [
      'def send(data):',
      '    return encode(data) + helper()',
    ]);
    const files = [
      changed,
      await readPython('src/codec.py', ['def encode(value):', '    return value']),
      await readPython('src/util.py', [
        'def outer():',
        '    def data():',
        '        return 1',
        '    def encode(x):',
        '        return x',
        '    return data',
      ]),
      await readPython('tests/test_util.py', ['def helper():', '    return 2']),
    ];
    const items = definitionItems(
      {
        file: changed,
        addedLines: new Set([2]),
        imports: new Set(),
      },
      indexDefinitions(files),
    );
    expect(items.map((item) => `${item.symbol} ${item.path}:${item.startLine}`)).toEqual([
      'encode src/codec.py:1',
    ]);
  });
});
