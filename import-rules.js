// The import rule of docs/architecture.md, as ESLint configs: arrows point inward.
// Read by eslint.config.js, and by test/lint/import-rules.test.ts to show that each rule fires.

/**
 * Files that implement a port over a real system, one list per adapter (its folder or file
 * prefix, and its entry point): only composition roots import them.
 */
export const ADAPTERS = [
  ['queue/sqlite/'],
  ['queue/bullmq/'],
  ['ledger/sqlite/', 'ledger/sqlite-ledger'],
  ['ledger/postgres/', 'ledger/postgres-ledger'],
  ['github/octokit-', 'github/app-octokit'],
  ['providers/openai-'],
  ['providers/anthropic-'],
  ['providers/provider-fetch'],
  ['context/git/'],
];
export const ADAPTER_PATHS = ADAPTERS.flat();

/** Packages that reach a real system, and the folders whose adapters may use each. */
export const ADAPTER_PACKAGES = {
  'node:sqlite': ['queue/sqlite', 'ledger/sqlite', 'sqlite'],
  pg: ['ledger/postgres'],
  bullmq: ['queue/bullmq'],
  ioredis: ['queue/bullmq'],
  redis: ['queue/bullmq'],
  '@octokit/*': ['github'],
  probot: ['github', 'intake'],
  openai: ['providers'],
  '@anthropic-ai/*': ['providers'],
  undici: ['providers'],
  'smee-client': [],
  'google-auth-library': [],
};

/** Schema helpers of the model SDKs: pure functions that turn a zod schema into a format. */
const ALLOWED_SUBPATHS = ['openai/helpers/', '@anthropic-ai/sdk/helpers/'];

/** Pure stages: the only folders each may import from (besides packages that reach nothing). */
export const PURE_STAGES = {
  domain: [],
  changes: ['domain'],
  classify: ['domain'],
  route: ['domain', 'classify'],
  secrets: ['domain'],
  report: ['domain', 'ledger'],
};

/**
 * What the SQLite adapters share (the WAL checkpoint thread): it may use `node:sqlite`, imports
 * only `domain/` and its own folder, and only those adapters import it.
 */
export const SQLITE_SUPPORT = {
  folder: 'sqlite',
  imports: ['domain'],
  users: ['queue/sqlite', 'ledger/sqlite'],
};

/** Every folder of src/ that is not a composition root. */
export const GUARDED_FOLDERS = [
  ...Object.keys(PURE_STAGES),
  'policy',
  'review',
  'publish',
  'worker',
  'intake',
  'metrics',
  'calibrate',
  'feedback',
  'ledger',
  'queue',
  'github',
  'providers',
  'context',
  SQLITE_SUPPORT.folder,
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packageRegex = (name) =>
  name.endsWith('/*') ? `^${escape(name.slice(0, -1))}` : `^${escape(name)}(/|$)`;

/** Whether a file (src/…) is inside a folder of src/ such as 'queue/sqlite'. */
const isInside = (file, folder) => file.startsWith(`src/${folder}/`);

/** Whether a file is one of an adapter path's files: under its folder, or named with its prefix. */
const isAdapterFile = (file, path) => file.startsWith(`src/${path}`);

/** no-restricted-imports patterns for a file under `src/<folder>/` (a path such as 'src/queue/sqlite/x.ts'). */
export const patternsFor = (file) => {
  const folder = file.split('/')[1];
  const patterns = [];
  const ownAdapter = ADAPTERS.find((paths) => paths.some((path) => isAdapterFile(file, path)));
  const foreignAdapters = ADAPTER_PATHS.filter((path) => !ownAdapter?.includes(path));
  // From inside the same top folder an adapter is reached by a shorter path: './postgres/…'.
  const tails = foreignAdapters
    .filter((path) => path.startsWith(`${folder}/`))
    .map((path) => escape(path.slice(folder.length + 1)));
  const reach = [`(^|/)(${foreignAdapters.map(escape).join('|')})`];
  if (tails.length > 0) reach.push(`^(\\./|(\\.\\./)+)(${tails.join('|')})`);
  if (foreignAdapters.length > 0)
    patterns.push({
      regex: reach.join('|'),
      message: ownAdapter
        ? 'An adapter imports its port and domain/, never another adapter.'
        : `${folder}/ talks to port interfaces; only composition roots (main.ts, start-app.ts, app.ts, cli/, startup/) import adapters.`,
    });
  const forbidden = Object.entries(ADAPTER_PACKAGES)
    .filter(([, homes]) => !homes.some((home) => isInside(file, home)))
    .map(([name]) => packageRegex(name));
  if (forbidden.length > 0)
    patterns.push({
      regex: `^(?!${ALLOWED_SUBPATHS.map(escape).join('|')})(${forbidden.join('|')})`,
      message: `${folder}/ does not reach a real system itself: an adapter does, behind a port.`,
    });
  if (folder === SQLITE_SUPPORT.folder)
    patterns.push({
      regex: `^(\\.\\./)+(?!(${SQLITE_SUPPORT.imports.join('|')})/)[\\w-]+/`,
      message: `${folder}/ holds what the SQLite adapters share: it imports only ${SQLITE_SUPPORT.imports.join(', ')} and its own folder.`,
    });
  else if (!SQLITE_SUPPORT.users.some((user) => isInside(file, user)))
    patterns.push({
      regex: `^(\\.\\./)+${SQLITE_SUPPORT.folder}/`,
      message: `only the SQLite adapters (${SQLITE_SUPPORT.users.join(', ')}) import ${SQLITE_SUPPORT.folder}/.`,
    });
  const allowed = PURE_STAGES[folder];
  if (allowed !== undefined)
    patterns.push({
      regex: allowed.length === 0 ? '^\\.\\./' : `^(\\.\\./)+(?!(${allowed.join('|')})/)[\\w-]+/`,
      message:
        allowed.length === 0
          ? `${folder}/ imports nothing from the rest of the project.`
          : `${folder}/ is a pure stage: it imports only ${allowed.join(', ')} and its own folder.`,
    });
  return patterns;
};

/** The file groups that share one set of patterns: each adapter folder, then each folder's rest. */
const groups = () => {
  const adapterGlobs = (path) =>
    path.endsWith('/') ? [`src/${path}**/*.ts`] : [`src/${path}*.ts`];
  const adapterGroups = ADAPTER_PATHS.map((path) => ({
    sample: path.endsWith('/') ? `src/${path}x.ts` : `src/${path}x.ts`,
    files: adapterGlobs(path),
    ignores: [],
  }));
  const folderGroups = GUARDED_FOLDERS.map((folder) => ({
    sample: `src/${folder}/x.ts`,
    files: [`src/${folder}/**/*.ts`],
    ignores: ADAPTER_PATHS.filter((path) => path.startsWith(`${folder}/`)).flatMap(adapterGlobs),
  }));
  return [...folderGroups, ...adapterGroups];
};

export const importRuleConfigs = groups().map(({ sample, files, ignores }) => ({
  files,
  ignores: [...ignores, '**/*.test.ts', '**/test-*.ts', '**/*.contract.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(sample) }] },
}));
