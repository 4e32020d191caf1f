import type { RiskyPatternId } from './signal-weights.js';

export type Language = 'javascript' | 'python' | 'go' | 'jvm' | 'ruby' | 'php' | 'html';

const LANGUAGE_BY_EXTENSION: ReadonlyMap<string, Language> = new Map(
  (
    [
      ['javascript', 'js jsx mjs cjs ts tsx mts cts vue svelte'],
      ['python', 'py pyw'],
      ['go', 'go'],
      ['jvm', 'java kt kts scala groovy'],
      ['ruby', 'rb'],
      ['php', 'php'],
      ['html', 'html htm'],
    ] as const
  ).flatMap(([language, extensions]) =>
    extensions.split(' ').map((extension): [string, Language] => [extension, language]),
  ),
);

const DOCUMENT_EXTENSIONS = new Set(['md', 'markdown', 'mdx', 'rst', 'txt', 'adoc']);

/** The language of a file by extension: documents are never scanned, `other` only by `any` patterns. */
export const languageOf = (path: string): Language | 'other' | 'document' => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
  if (DOCUMENT_EXTENSIONS.has(extension)) return 'document';
  return LANGUAGE_BY_EXTENSION.get(extension) ?? 'other';
};

/**
 * What of an added line a pattern reads (see lex-line.ts for how a line is read):
 * - `code`: the line with its string literals, template literal text, regular expression
 *   literals and comments blanked out. The construct is code itself: `eval(` in a message,
 *   a test fixture or a detector's own table is not a call.
 * - `code-and-strings`: the line with only its comments blanked out, and the match must hold
 *   at least one character of code. For patterns that read a string's contents next to code:
 *   SQL in a string that is concatenated or interpolated, a hash named by a string, a quoted
 *   key or module name. A match that lies wholly inside one literal does not count.
 * In a file of no known syntax (YAML, shell, a Dockerfile) the whole line is code.
 */
export type LooksAt = 'code' | 'code-and-strings';

export interface RiskyPattern {
  readonly id: RiskyPatternId;
  /** How the message names it: "eval()". */
  readonly label: string;
  readonly pattern: RegExp;
  readonly looksAt: LooksAt;
  /** The languages it is looked for in; `any` means every file but documents. */
  readonly languages: readonly Language[] | 'any';
}

const SCRIPTING: readonly Language[] = ['javascript', 'python', 'ruby', 'php'];
const CODE: readonly Language[] = ['javascript', 'python', 'go', 'jvm', 'ruby', 'php'];

/** SQL keywords as SQL is written: all upper case or all lower case, never "Select a file". */
const SQL = String.raw`(?:SELECT\s[^"'\x60]*\bFROM|select\s[^"'\x60]*\bfrom|INSERT\s+INTO|insert\s+into|UPDATE\s+\S+\s+SET|update\s+\S+\s+set|DELETE\s+FROM|delete\s+from)\b`;
/**
 * SQL built from strings. It reads string contents (the SQL) and needs code beside them: the
 * `+`, `%`, `.format(`, `.` operator, the `${`, `{` or `$name` of an interpolation, `Sprintf(`.
 * The same text wholly inside one literal (a fixture, a message) does not count.
 */
const SQL_CONCATENATION = new RegExp(
  [
    // "SELECT ... " + id  |  "SELECT ..." % id  |  "SELECT ... {}".format(id)  |  "SELECT ..." . $id
    String.raw`["']\s*${SQL}[^"']*["']\s*(?:\+|%\s*[\w(]|\.\s*format\s*\(|\.\s*\$)`,
    // `SELECT ... ${id}`, but not a tagged template (sql`...`), which parameterises
    String.raw`(?<![\w.$])\x60\s*${SQL}[^\x60]*\$\{`,
    // f"SELECT ... {id}"
    String.raw`\bf["']\s*${SQL}[^"']*\{`,
    // fmt.Sprintf("SELECT ... %s", id)
    String.raw`\bSprintf\(\s*["\x60]\s*${SQL}[^"\x60]*%[sv]`,
    // "SELECT ... $id" (PHP, Kotlin and Groovy interpolation; in other languages $id is text)
    String.raw`"\s*${SQL}[^"]*\$[A-Za-z_]`,
  ].join('|'),
);

const NODE_TLS = 'NODE_TLS_REJECT_UNAUTHORIZED';

/**
 * The variable named in code (process.env.X = '0', X=0 node app.js, env: { X: '0' }), or
 * quoted where it is set or read: env['X'], os.environ["X"], os.Setenv("X", "0"), { 'X': '0' }.
 * The quote, and the `]`, `,` or `:` after it, must sit where a key does: the same name in a
 * message or a label ('X is set', label: 'X') is not a use. Setting it to 1 is the safe value.
 */
const NODE_TLS_ENV = new RegExp(
  [
    String.raw`(?:\b${NODE_TLS}\b`,
    String.raw`|(?<=[[(]\s*)(["'\x60])${NODE_TLS}\1\s*[\],]`,
    String.raw`|(?<=[{,]\s*)(["'])${NODE_TLS}\2\s*:)`,
    String.raw`(?!["'\x60]?\s*\]?\s*[:=,]?\s*["']?1\b)`,
  ].join(''),
);

/**
 * Added code that commonly hides an injection, a disabled safety check or a broken primitive.
 * Each says what of the line it reads (LooksAt above) and why.
 */
export const RISKY_PATTERNS: readonly RiskyPattern[] = [
  // The call is code: eval("1 + " + x) counts, 'eval(' in a message does not.
  {
    id: 'eval',
    label: 'eval()',
    pattern: /(?<![\w.$])eval\s*\(/,
    looksAt: 'code',
    languages: SCRIPTING,
  },
  // The constructor call is code.
  {
    id: 'new-function',
    label: 'new Function()',
    pattern: /\bnew\s+Function\s*\(/,
    looksAt: 'code',
    languages: ['javascript'],
  },
  // Reads the module name of require('child_process').exec( in its string; the call is code.
  {
    id: 'child-process-exec',
    label: 'child_process exec',
    pattern: /(?<![\w.$])exec(?:Sync)?\s*\(|\.execSync\s*\(|\bchild_process\b.*\.exec\s*\(/,
    looksAt: 'code-and-strings',
    languages: ['javascript'],
  },
  // An option written in code.
  {
    id: 'spawn-shell',
    label: 'shell: true',
    pattern: /\bshell\s*:\s*true\b/,
    looksAt: 'code',
    languages: ['javascript'],
  },
  // The call is code.
  {
    id: 'os-system',
    label: 'os.system()',
    pattern: /\bos\.(?:system|popen)\s*\(/,
    looksAt: 'code',
    languages: ['python'],
  },
  // A keyword argument in code.
  {
    id: 'subprocess-shell',
    label: 'shell=True',
    pattern: /\bshell\s*=\s*True\b/,
    looksAt: 'code',
    languages: ['python'],
  },
  // The call is code.
  {
    id: 'runtime-exec',
    label: 'Runtime.exec()',
    pattern: /\bRuntime\s*\.\s*getRuntime\s*\(\s*\)\s*\.\s*exec\s*\(|\bRuntime\.exec\b/,
    looksAt: 'code',
    languages: ['jvm'],
  },
  // Reads the SQL inside strings, next to the code that concatenates or interpolates it.
  {
    id: 'sql-concatenation',
    label: 'SQL built from strings',
    pattern: SQL_CONCATENATION,
    looksAt: 'code-and-strings',
    languages: CODE,
  },
  // Reads a quoted key ('rejectUnauthorized': false); the `: false` is code.
  {
    id: 'tls-reject-unauthorized',
    label: 'rejectUnauthorized: false',
    pattern: /\brejectUnauthorized["']?\s*:\s*false\b/,
    looksAt: 'code-and-strings',
    languages: 'any',
  },
  // Reads the variable's name in a string where it is a key; see NODE_TLS_ENV.
  {
    id: 'node-tls-env',
    label: 'NODE_TLS_REJECT_UNAUTHORIZED',
    pattern: NODE_TLS_ENV,
    looksAt: 'code-and-strings',
    languages: 'any',
  },
  // A keyword argument in code.
  {
    id: 'requests-verify-false',
    label: 'verify=False',
    pattern: /\bverify\s*=\s*False\b/,
    looksAt: 'code',
    languages: ['python'],
  },
  // A struct field in code.
  {
    id: 'insecure-skip-verify',
    label: 'InsecureSkipVerify: true',
    pattern: /\bInsecureSkipVerify\s*:\s*true\b/,
    looksAt: 'code',
    languages: ['go'],
  },
  // A prop in code.
  {
    id: 'dangerously-set-inner-html',
    label: 'dangerouslySetInnerHTML',
    pattern: /\bdangerouslySetInnerHTML\b/,
    looksAt: 'code',
    languages: ['javascript'],
  },
  // An assignment in code (HTML files have no known syntax: all of their line is read).
  {
    id: 'inner-html',
    label: '.innerHTML =',
    pattern: /\.(?:inner|outer)HTML\s*\+?=(?!=)/,
    looksAt: 'code',
    languages: ['javascript', 'html'],
  },
  // The call is code.
  {
    id: 'pickle-loads',
    label: 'pickle.loads()',
    pattern: /\b(?:c?[pP]ickle)\.loads?\s*\(/,
    looksAt: 'code',
    languages: ['python'],
  },
  // The call is code, and so is the Loader= that makes it safe.
  {
    id: 'yaml-load',
    label: 'yaml.load() without SafeLoader',
    pattern: /\byaml\.load\s*\((?!.*\b(?:C?SafeLoader|BaseLoader)\b)/,
    looksAt: 'code',
    languages: ['python'],
  },
  // Reads the algorithm named in a string: createHash('md5'), getInstance("SHA-1").
  {
    id: 'weak-hash',
    label: 'md5/sha1',
    pattern:
      /(?<![\w.$])(?:md5|sha1)\s*\(|\bhashlib\.(?:md5|sha1)\s*\(|\bcreateHash\(\s*["'](?:md5|sha1)["']|\bMessageDigest\.getInstance\(\s*"(?:MD5|SHA-?1)"|\b(?:md5|sha1)\.(?:New|Sum)\b|\bDigest::(?:MD5|SHA1)\b/,
    looksAt: 'code-and-strings',
    languages: CODE,
  },
];
