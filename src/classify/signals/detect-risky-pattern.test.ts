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
