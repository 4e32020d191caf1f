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

export interface RiskyPattern {
  readonly id: RiskyPatternId;
  /** How the message names it: "eval()". */
  readonly label: string;
  readonly pattern: RegExp;
  /** The languages it is looked for in; `any` means every file but documents. */
  readonly languages: readonly Language[] | 'any';
}

const SCRIPTING: readonly Language[] = ['javascript', 'python', 'ruby', 'php'];
const CODE: readonly Language[] = ['javascript', 'python', 'go', 'jvm', 'ruby', 'php'];

/** SQL keywords as SQL is written: all upper case or all lower case, never "Select a file". */
const SQL = String.raw`(?:SELECT\s[^"'\x60]*\bFROM|select\s[^"'\x60]*\bfrom|INSERT\s+INTO|insert\s+into|UPDATE\s+\S+\s+SET|update\s+\S+\s+set|DELETE\s+FROM|delete\s+from)\b`;
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
    // "SELECT ... $id" (PHP interpolation)
    String.raw`"\s*${SQL}[^"]*\$[A-Za-z_]`,
  ].join('|'),
);

/** Added code that commonly hides an injection, a disabled safety check or a broken primitive. */
export const RISKY_PATTERNS: readonly RiskyPattern[] = [
  { id: 'eval', label: 'eval()', pattern: /(?<![\w.$])eval\s*\(/, languages: SCRIPTING },
  {
    id: 'new-function',
    label: 'new Function()',
    pattern: /\bnew\s+Function\s*\(/,
    languages: ['javascript'],
  },
  {
    id: 'child-process-exec',
    label: 'child_process exec',
    pattern: /(?<![\w.$])exec(?:Sync)?\s*\(|\.execSync\s*\(|\bchild_process\b.*\.exec\s*\(/,
    languages: ['javascript'],
  },
  {
    id: 'spawn-shell',
    label: 'shell: true',
    pattern: /\bshell\s*:\s*true\b/,
    languages: ['javascript'],
  },
  {
    id: 'os-system',
    label: 'os.system()',
    pattern: /\bos\.(?:system|popen)\s*\(/,
    languages: ['python'],
  },
  {
    id: 'subprocess-shell',
    label: 'shell=True',
    pattern: /\bshell\s*=\s*True\b/,
    languages: ['python'],
  },
  {
    id: 'runtime-exec',
    label: 'Runtime.exec()',
    pattern: /\bRuntime\s*\.\s*getRuntime\s*\(\s*\)\s*\.\s*exec\s*\(|\bRuntime\.exec\b/,
    languages: ['jvm'],
  },
  {
    id: 'sql-concatenation',
    label: 'SQL built from strings',
    pattern: SQL_CONCATENATION,
    languages: CODE,
  },
  {
    id: 'tls-reject-unauthorized',
    label: 'rejectUnauthorized: false',
    pattern: /\brejectUnauthorized["']?\s*:\s*false\b/,
    languages: 'any',
  },
  {
    id: 'node-tls-env',
    label: 'NODE_TLS_REJECT_UNAUTHORIZED',
    pattern: /\bNODE_TLS_REJECT_UNAUTHORIZED\b(?!["'\]]?\s*[:=]\s*["']?1\b)/,
    languages: 'any',
  },
  {
    id: 'requests-verify-false',
    label: 'verify=False',
    pattern: /\bverify\s*=\s*False\b/,
    languages: ['python'],
  },
  {
    id: 'insecure-skip-verify',
    label: 'InsecureSkipVerify: true',
    pattern: /\bInsecureSkipVerify\s*:\s*true\b/,
    languages: ['go'],
  },
  {
    id: 'dangerously-set-inner-html',
    label: 'dangerouslySetInnerHTML',
    pattern: /\bdangerouslySetInnerHTML\b/,
    languages: ['javascript'],
  },
  {
    id: 'inner-html',
    label: '.innerHTML =',
    pattern: /\.(?:inner|outer)HTML\s*\+?=(?!=)/,
    languages: ['javascript', 'html'],
  },
  {
    id: 'pickle-loads',
    label: 'pickle.loads()',
    pattern: /\b(?:c?[pP]ickle)\.loads?\s*\(/,
    languages: ['python'],
  },
  {
    id: 'yaml-load',
    label: 'yaml.load() without SafeLoader',
    pattern: /\byaml\.load\s*\((?!.*\b(?:C?SafeLoader|BaseLoader)\b)/,
    languages: ['python'],
  },
  {
    id: 'weak-hash',
    label: 'md5/sha1',
    pattern:
      /(?<![\w.$])(?:md5|sha1)\s*\(|\bhashlib\.(?:md5|sha1)\s*\(|\bcreateHash\(\s*["'](?:md5|sha1)["']|\bMessageDigest\.getInstance\(\s*"(?:MD5|SHA-?1)"|\b(?:md5|sha1)\.(?:New|Sum)\b|\bDigest::(?:MD5|SHA1)\b/,
    languages: CODE,
  },
];
