import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectRiskyPattern } from './detect-risky-pattern.js';
import { testContext } from './test-context.js';

const detectIn = (path: string, ...added: string[]) =>
  detectRiskyPattern(testContext([testFile(path, { added })]));

describe('detectRiskyPattern', () => {
  it.each([
    ['src/a.ts', 'const value = eval(input);', 'eval()', 0.5],
    ['app/views.py', '    result = eval(expr)', 'eval()', 0.5],
    ['src/a.js', 'const fn = new Function("a", body);', 'new Function()', 0.45],
    ['src/run.ts', 'execSync(`git checkout ${branch}`);', 'child_process exec', 0.45],
    ['src/run.ts', "exec('rm -rf ' + dir, done);", 'child_process exec', 0.45],
    ['src/run.ts', "spawn('sh', ['-c', cmd], { shell: true });", 'shell: true', 0.45],
    ['tools/x.py', 'os.system("convert " + name)', 'os.system()', 0.45],
    ['tools/x.py', 'subprocess.run(cmd, shell=True)', 'shell=True', 0.45],
    ['src/Main.java', 'Runtime.getRuntime().exec(command);', 'Runtime.exec()', 0.4],
    [
      'src/db.ts',
      'db.query("SELECT * FROM users WHERE id = " + id);',
      'SQL built from strings',
      0.5,
    ],
    [
      'src/db.ts',
      'db.query(`SELECT * FROM users WHERE id = ${id}`);',
      'SQL built from strings',
      0.5,
    ],
    [
      'app/db.py',
      'cur.execute(f"DELETE FROM users WHERE id = {uid}")',
      'SQL built from strings',
      0.5,
    ],
    ['app/db.py', 'cur.execute("UPDATE users SET a = %s" % value)', 'SQL built from strings', 0.5],
    [
      'app/db.py',
      'cur.execute("select name from users where id = {}".format(uid))',
      'SQL built from strings',
      0.5,
    ],
    [
      'db/q.go',
      'q := fmt.Sprintf("SELECT * FROM t WHERE id = %s", id)',
      'SQL built from strings',
      0.5,
    ],
    [
      'src/http.ts',
      'const agent = new Agent({ rejectUnauthorized: false });',
      'rejectUnauthorized: false',
      0.5,
    ],
    [
      'src/boot.ts',
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      'NODE_TLS_REJECT_UNAUTHORIZED',
      0.5,
    ],
    ['Dockerfile', 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0', 'NODE_TLS_REJECT_UNAUTHORIZED', 0.5],
    ['app/client.py', 'requests.get(url, verify=False)', 'verify=False', 0.5],
    ['pkg/client.go', 'tls.Config{InsecureSkipVerify: true}', 'InsecureSkipVerify: true', 0.5],
    [
      'src/Page.tsx',
      '<div dangerouslySetInnerHTML={{ __html: html }} />',
      'dangerouslySetInnerHTML',
      0.35,
    ],
    ['src/page.js', 'el.innerHTML = userText;', '.innerHTML =', 0.35],
    ['app/cache.py', 'data = pickle.loads(blob)', 'pickle.loads()', 0.45],
    ['app/conf.py', 'conf = yaml.load(text)', 'yaml.load() without SafeLoader', 0.4],
    ['lib/hash.php', '$h = md5($password);', 'md5/sha1', 0.2],
    ['app/hash.py', 'digest = hashlib.sha1(data).hexdigest()', 'md5/sha1', 0.2],
    ['src/hash.ts', "createHash('md5').update(x)", 'md5/sha1', 0.2],
  ])('flags in %s the added line %s as %s', (path, line, label, weight) => {
    expect(detectIn(path, 'const ok = 1;', line)).toEqual({
      id: 'risky-pattern',
      weight,
      message: `adds ${label} at ${path}:2`,
      paths: [path],
    });
  });

  it.each([
    ['src/a.ts', 'model.eval();'],
    ['src/a.ts', 'const m = /x/.exec(text);'],
    ['src/a.ts', 'const rows = await sql`SELECT * FROM users WHERE id = ${id}`;'],
    ['src/a.ts', 'db.query("SELECT * FROM users WHERE id = $1", [id]);'],
    ['src/a.ts', 'label("Select a file from the list: " + name);'],
    ['src/a.ts', '// never call eval() on user input'],
    ['app/db.py', 'cur.execute("SELECT * FROM users WHERE id = %s", (uid,))'],
    ['app/conf.py', 'conf = yaml.load(text, Loader=yaml.SafeLoader)'],
    ['app/client.py', 'requests.get(url, verify=True)'],
    ['src/boot.ts', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';"],
    ['docs/security.md', 'Never write `eval(input)` or `rejectUnauthorized: false`.'],
    ['src/a.go', 'x := eval(y)'],
    ['src/a.test.ts', 'const value = eval(input);'],
    ['dist/bundle.min.js', 'eval(x)'],
  ])('does not flag in %s the line %s', (path, line) => {
    expect(detectIn(path, line)).toBeNull();
  });

  it.each([
    ['src/a.ts', 'const value = eval(userInput); // see docs', 'eval()'],
    ['src/a.ts', 'eval("1 + " + x);', 'eval()'],
    ['src/a.ts', 'const html = `<p>${eval(code)}</p>`;', 'eval()'],
    ['app/calc.py', "total = eval(f'{a} + {b}')", 'eval()'],
    ['app/calc.py', "label = f'{eval(expr)}'", 'eval()'],
    ['lib/calc.rb', 'puts "#{eval(code)}"', 'eval()'],
    ['lib/calc.php', 'eval($code); # legacy', 'eval()'],
    ['src/run.ts', 'exec("rm -rf");', 'child_process exec'],
    ['src/run.ts', "require('child_process').exec(cmd);", 'child_process exec'],
    [
      'src/http.ts',
      "const options = { 'rejectUnauthorized': false };",
      'rejectUnauthorized: false',
    ],
    [
      'src/boot.ts',
      "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';",
      'NODE_TLS_REJECT_UNAUTHORIZED',
    ],
    [
      'src/boot.ts',
      "spawn(bin, { env: { 'NODE_TLS_REJECT_UNAUTHORIZED': '0' } });",
      'NODE_TLS_REJECT_UNAUTHORIZED',
    ],
    [
      'app/boot.py',
      'os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"',
      'NODE_TLS_REJECT_UNAUTHORIZED',
    ],
    [
      'cmd/boot.go',
      'os.Setenv("NODE_TLS_REJECT_UNAUTHORIZED", "0")',
      'NODE_TLS_REJECT_UNAUTHORIZED',
    ],
    ['lib/db.php', '$sql = "SELECT * FROM users WHERE id = $id";', 'SQL built from strings'],
    ['src/Db.kt', 'val sql = "SELECT * FROM users WHERE id = $id"', 'SQL built from strings'],
    ['src/Hash.java', 'MessageDigest.getInstance("MD5");', 'md5/sha1'],
  ])('flags in %s the call in code %s, whose arguments are strings', (path, line, label) => {
    expect(detectIn(path, line)?.message).toBe(`adds ${label} at ${path}:1`);
  });

  it.each([
    ['src/a.ts', "{ id: 'eval', label: 'eval()', pattern: /(?<![\\w.$])eval\\s*\\(/ },"],
    ['src/a.ts', 'const VERB = /^(eval(uate)?|run)$/;'],
    ['src/a.ts', "log.warn('adds eval() at ' + path);"],
    ['src/a.ts', 'const hint = `never eval(${name}) input`;'],
    ['src/a.ts', 'run(); // eval(x) would be worse'],
    ['src/a.ts', 'run(); /* new Function(x) */'],
    ['src/a.ts', 'const example = \'exec("rm -rf")\';'],
    ['src/a.ts', 'const doc = "pass { shell: true } to spawn";'],
    ['src/a.ts', 'const fixture = \'db.query("SELECT * FROM users WHERE id = " + id);\';'],
    ['src/a.ts', 'const sample = "SELECT * FROM users WHERE id = $id";'],
    ['src/a.ts', "const text = 'el.innerHTML = x';"],
    ['src/a.ts', "const s = 'rejectUnauthorized: false';"],
    ['src/a.ts', "label: 'NODE_TLS_REJECT_UNAUTHORIZED',"],
    ['src/a.ts', "console.warn('NODE_TLS_REJECT_UNAUTHORIZED is set');"],
    ['src/a.ts', "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '1';"],
    ['src/a.ts', 'const s = "createHash(\'md5\')";'],
    ['app/a.py', 'msg = "never eval(x)"  # nor eval(y)'],
    ['app/a.py', '"""Calls os.system(cmd) with shell=True."""'],
    ['app/a.py', "doc = 'requests.get(url, verify=False)'"],
    ['pkg/a.go', 'const hint = `InsecureSkipVerify: true`'],
    ['lib/a.rb', "puts 'eval(code) is dangerous' # eval(x)"],
    ['lib/a.php', "echo 'eval($x)'; // eval($y)"],
    ['src/A.java', 'String s = "Runtime.getRuntime().exec(";'],
    ['src/a.c', 'puts("rejectUnauthorized: false");'],
  ])(
    'does not flag in %s a pattern that is only in a string, regex or comment: %s',
    (path, line) => {
      expect(detectIn(path, line)).toBeNull();
    },
  );

  it("does not flag the detector's own table of patterns", () => {
    const table = readFileSync(new URL('./risky-patterns.ts', import.meta.url), 'utf8');
    expect(detectIn('src/classify/signals/risky-patterns.ts', ...table.split('\n'))).toBeNull();
  });

  it('still reads every line of a file of no known syntax as code', () => {
    expect(detectIn('scripts/run.sh', 'echo "NODE_TLS_REJECT_UNAUTHORIZED=0"')?.message).toBe(
      'adds NODE_TLS_REJECT_UNAUTHORIZED at scripts/run.sh:1',
    );
  });

  it('looks at added lines only', () => {
    const file = testFile('src/a.ts', { added: ['safe();'], deletions: 1 });
    const withRemovedEval = {
      ...file,
      hunks: [
        {
          oldStart: 1,
          oldLines: 1,
          newStart: 1,
          newLines: 1,
          section: '',
          lines: [
            { kind: 'del' as const, oldLine: 1, newLine: null, text: 'eval(input);' },
            { kind: 'add' as const, oldLine: null, newLine: 1, text: 'safe();' },
          ],
        },
      ],
    };
    expect(detectRiskyPattern(testContext([withRemovedEval]))).toBeNull();
  });

  it('lists every pattern with its first place, counts repeats, and combines the weights', () => {
    const ctx = testContext([
      testFile('src/a.ts', { added: ['eval(a);', 'ok();', 'eval(b);'] }),
      testFile('app/client.py', { added: ['requests.get(u, verify=False)'] }),
    ]);
    expect(detectRiskyPattern(ctx)).toEqual({
      id: 'risky-pattern',
      weight: 0.75,
      message: 'adds eval() at src/a.ts:1 (+1 more), verify=False at app/client.py:1',
      paths: ['src/a.ts', 'app/client.py'],
    });
  });

  it('caps the combined weight', () => {
    const signal = detectIn('src/a.ts', 'eval(a); new Function(b); execSync(c); x.innerHTML = d;');
    expect(signal?.weight).toBe(0.8);
  });
});
