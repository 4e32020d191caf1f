import { describe, expect, it } from 'vitest';
import { outlineFile } from './outline-file.js';

const names = (
  defs: readonly { name: string; kind: string; startLine: number; endLine: number }[],
) => defs.map((d) => `${d.kind} ${d.name} ${d.startLine}-${d.endLine}`);

describe('outlineFile', () => {
  it('reads TypeScript definitions, uses and imports', async () => {
    const text = [
      "import { a } from './a.js';",
      'export const f = (x: number) => a(x);',
      'export class C {',
      '  m(): Helper { return helper(); }',
      '}',
      'const inner = () => { const local = 1; return local; };',
    ].join('\n');
    const outline = await outlineFile('typescript', text);
    expect(names(outline.definitions)).toEqual([
      'function f 2-2',
      'class C 3-5',
      'function m 4-4',
      'function inner 6-6',
    ]);
    expect(outline.imports).toEqual(['./a.js']);
    expect(outline.uses).toContainEqual({ name: 'helper', line: 4 });
    expect(outline.uses).toContainEqual({ name: 'Helper', line: 4 });
  });

  it('reads JavaScript functions written as values, by their name or what they are assigned to', async () => {
    const text = [
      'res.send = function send(body) {',
      '  return body;',
      '};',
      "defineGetter(req, 'host', function host() {",
      '  return 2;',
      '});',
      'exports.run = () => {',
      '  return 3;',
      '};',
      'const o = { pick: function () { return 4; } };',
      "app.get('/', function (req, res) {",
      '  res.end();',
      '});',
      'const f = () => 5;',
    ].join('\n');
    const outline = await outlineFile('javascript', text);
    expect(names(outline.definitions)).toEqual([
      'function send 1-3',
      'function host 4-6',
      'function run 7-9',
      'variable o 10-10',
      'function pick 10-10',
      'function f 14-14',
    ]);
  });

  it('reads Python functions, classes and both import forms', async () => {
    const text = [
      'from .models import User',
      'import os.path',
      '',
      'class A:',
      '    def go(self):',
      '        return User()',
    ].join('\n');
    const outline = await outlineFile('python', text);
    expect(names(outline.definitions)).toEqual(['class A 4-6', 'function go 5-6']);
    expect(outline.imports).toEqual(['.models', '.models.User', 'os.path']);
    expect(outline.uses).toContainEqual({ name: 'User', line: 6 });
  });

  it('reads Go functions, methods, types and import paths', async () => {
    const text = [
      'package x',
      'import "github.com/a/b"',
      'type T struct{}',
      'func (t *T) Run() { b.Go() }',
      'func New() *T { return &T{} }',
    ].join('\n');
    const outline = await outlineFile('go', text);
    expect(names(outline.definitions)).toEqual([
      'type T 3-3',
      'function Run 4-4',
      'function New 5-5',
    ]);
    expect(outline.imports).toEqual(['github.com/a/b']);
    expect(outline.uses).toContainEqual({ name: 'Go', line: 4 });
  });

  it('reads Java classes, methods and imports', async () => {
    const text = ['import com.x.Util;', 'class A {', '  void run() { Util.go(); }', '}'].join('\n');
    const outline = await outlineFile('java', text);
    expect(names(outline.definitions)).toEqual(['class A 2-4', 'function run 3-3']);
    expect(outline.imports).toEqual(['com.x.Util']);
    expect(outline.uses).toContainEqual({ name: 'Util', line: 3 });
  });
});
