import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCodeBetween, lexLine, syntaxOf } from './lex-line.js';
import type { Syntax } from './lex-line.js';

describe('syntaxOf', () => {
  it.each([
    ['src/a.ts', 'javascript'],
    ['web/App.JSX', 'javascript'],
    ['app/views.py', 'python'],
    ['pkg/client.go', 'go'],
    ['src/Main.java', 'jvm'],
    ['build.gradle', 'jvm'],
    ['app/models/user.rb', 'ruby'],
    ['lib/db.php', 'php'],
    ['src/main.rs', 'c'],
    ['Program.cs', 'c'],
    ['src/App.vue', 'plain'],
    ['index.html', 'plain'],
    ['Dockerfile', 'plain'],
    ['deploy.yml', 'plain'],
    ['run.sh', 'plain'],
  ])('reads %s as %s', (path, syntax) => {
    expect(syntaxOf(path)).toBe(syntax);
  });
});

describe('lexLine', () => {
  /** A lexed view with each run of blanks shown as one space, to read the table below. */
  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

  // Each row: the line, its code alone, and its code with its literals (comments blanked).
  it.each<[Syntax, string, string, string]>([
    [
      'javascript',
      "{ id: 'eval', label: 'eval()', pattern: /(?<![\\w.$])eval\\s*\\(/ },",
      '{ id: , label: , pattern: },',
      "{ id: 'eval', label: 'eval()', pattern: /(?<![\\w.$])eval\\s*\\(/ },",
    ],
    ['javascript', 'eval(userInput);', 'eval(userInput);', 'eval(userInput);'],
    ['javascript', 'exec("rm -rf");', 'exec( );', 'exec("rm -rf");'],
    ['javascript', "run(); // eval('x')", 'run();', 'run();'],
    ['javascript', 'a = b /* eval( */ + c;', 'a = b + c;', 'a = b + c;'],
    ['javascript', 'a = b /* eval(', 'a = b', 'a = b'],
    [
      'javascript',
      'const t = `x ${eval(y)} z`;',
      'const t = ${eval(y)} ;',
      'const t = `x ${eval(y)} z`;',
    ],
    ['javascript', 'f(`a ${`b ${c}`} d`);', 'f( ${ ${c} } );', 'f(`a ${`b ${c}`} d`);'],
    ['javascript', "const s = 'it\\'s eval(x)';", 'const s = ;', "const s = 'it\\'s eval(x)';"],
    ['javascript', "const m = 'open", 'const m =', "const m = 'open"],
    ['javascript', 'x = a / b / c;', 'x = a / b / c;', 'x = a / b / c;'],
    [
      'javascript',
      'x = f(a) / 2 + [b][0] / 3;',
      'x = f(a) / 2 + [b][0] / 3;',
      'x = f(a) / 2 + [b][0] / 3;',
    ],
    [
      'javascript',
      'if (/eval\\(/.test(s)) return /[/]x/g;',
      'if ( .test(s)) return ;',
      'if (/eval\\(/.test(s)) return /[/]x/g;',
    ],
    ['javascript', 'return a / 2', 'return a / 2', 'return a / 2'],
    ['javascript', 'this.#eval(x)', 'this.#eval(x)', 'this.#eval(x)'],
    ['python', "x = eval('1') # eval(y)", 'x = eval( )', "x = eval('1')"],
    [
      'python',
      "msg = f'{eval(a)} {{eval(b)}}'",
      'msg = {eval(a)}',
      "msg = f'{eval(a)} {{eval(b)}}'",
    ],
    ['python', 'p = rb"\\"x" + u"y"', 'p = +', 'p = rb"\\"x" + u"y"'],
    ['python', '"""eval(x)""" + eval(y)', '+ eval(y)', '"""eval(x)""" + eval(y)'],
    ['python', 'buf = b"#" # c', 'buf =', 'buf = b"#"'],
    ['go', 'x := `raw \\` + "s\\"x" // c', 'x := +', 'x := `raw \\` + "s\\"x"'],
    ['go', "r := 'x'", 'r :=', "r := 'x'"],
    [
      'jvm',
      'String s = "Runtime.exec(" + t;',
      'String s = + t;',
      'String s = "Runtime.exec(" + t;',
    ],
    ['jvm', 'val q = "id = $id ${x}"', 'val q = $id ${x}', 'val q = "id = $id ${x}"'],
    ['jvm', 'var b = """eval(x)"""', 'var b =', 'var b = """eval(x)"""'],
    ['ruby', 'puts "a #{eval(x)} b" # c', 'puts #{eval(x)}', 'puts "a #{eval(x)} b"'],
    ['ruby', "x = 'eval(y)' if s =~ /eval/", 'x = if s =~', "x = 'eval(y)' if s =~ /eval/"],
    [
      'php',
      '$q = "id = $id and {$x->y}"; # c',
      '$q = $id {$x->y} ;',
      '$q = "id = $id and {$x->y}";',
    ],
    ['php', "#[Attr] echo 'eval($x)'; // c", '#[Attr] echo ;', "#[Attr] echo 'eval($x)';"],
    [
      'c',
      "fn f<'a>(x: &'a str) -> char { 'x' }",
      "fn f<'a>(x: &'a str) -> char { }",
      "fn f<'a>(x: &'a str) -> char { 'x' }",
    ],
    ['c', 'var p = @"C:\\dir"; // c', 'var p = ;', 'var p = @"C:\\dir";'],
    ['plain', 'echo "eval(x)" # c', 'echo "eval(x)" # c', 'echo "eval(x)" # c'],
  ])('reads the %s line %s', (syntax, line, code, uncommented) => {
    const lexed = lexLine(line, syntax);
    expect({ code: squeeze(lexed.code), uncommented: squeeze(lexed.uncommented) }).toEqual({
      code,
      uncommented,
    });
  });

  it('blanks literals and comments in place, so every match keeps its column', () => {
    const line = "x = eval('a') + y; // z";
    expect(lexLine(line, 'javascript')).toEqual({
      code: 'x = eval(   ) + y;     ',
      uncommented: "x = eval('a') + y;     ",
    });
  });

  it.each<Syntax>(['javascript', 'python', 'go', 'jvm', 'ruby', 'php', 'c', 'plain'])(
    'keeps every column of a %s line and only ever blanks characters',
    (syntax) => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...'ab $#{}[]()/\\*\'"`=+,:\nf'.split('')) }),
          (line) => {
            const { code, uncommented } = lexLine(line, syntax);
            expect(code.length).toBe(line.length);
            expect(uncommented.length).toBe(line.length);
            for (let index = 0; index < line.length; index += 1) {
              expect([line[index], ' ']).toContain(uncommented[index]);
              expect([uncommented[index], ' ']).toContain(code[index]);
            }
          },
        ),
      );
    },
  );
});

describe('hasCodeBetween', () => {
  it('finds code only where a character is not blanked', () => {
    const { code } = lexLine('x = "SELECT a FROM t" + id', 'javascript');
    expect(hasCodeBetween(code, 4, 20)).toBe(false);
    expect(hasCodeBetween(code, 4, 23)).toBe(true);
  });
});
