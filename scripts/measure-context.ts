/**
 * Measures code context on real history: for each repository (a git directory, e.g. from the
 * search tool's `fetch`, under --mirror as OWNER+NAME/repo) and recent commits that change code:
 *
 * - recall: of the identifiers used in added lines that are defined in another file of the
 *   repository at that commit, the share whose definition is in the deep tier's prompt (in a
 *   context block or a shown diff line) at a 60,000-token context budget; and the same over the
 *   definitions another file can see (a JavaScript module's unexported top-level declarations
 *   are its own);
 * - the fast tier's prompt against the diff-only prompt, in tokens;
 * - the CPU time of building context and prompt for a pull request of about 100 files.
 *
 *   npx node --import ./scripts/typescript-hooks.mjs scripts/measure-context.ts \
 *     --repos knex/knex,pallets/flask,gin-gonic/gin,mochajs/mocha --commits 8
 *
 * Prints Markdown; keeps no source of any project.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCommitPrompt, type CommitPrompt } from '../src/cli/build-commit-prompt.js';
import { languageOf, familyOf } from '../src/context/languages.js';
import { outlineFile } from '../src/context/outline-file.js';
import { createGitCodeSource } from '../src/context/git/git-code-source.js';
import { loadPriceTable } from '../src/ledger/price-table.js';
import { DEFAULT_POLICY } from '../src/policy/default-policy.js';
import type { Policy } from '../src/domain/policy.js';

const { values } = parseArgs({
  options: {
    repos: { type: 'string', default: 'knex/knex,pallets/flask,gin-gonic/gin' },
    mirror: { type: 'string', default: '/work/.mirror' },
    commits: { type: 'string', default: '8' },
    budget: { type: 'string', default: '60000' },
  },
});

const prices = loadPriceTable({});
const contextBudget = Number(values.budget);
const git = (gitDir: string, args: string[]): string =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

const withFastLevel = (level: 'diff' | 'functions'): Policy => ({
  ...DEFAULT_POLICY,
  models: { ...DEFAULT_POLICY.models, fast: { ...DEFAULT_POLICY.models.fast, context: level } },
});

/** Recent commits that add at least 3 lines to 1-20 code files of a language with a grammar. */
const pickCommits = (gitDir: string, count: number): string[] => {
  const log = git(gitDir, ['log', '--no-merges', '--format=@%H', '--numstat', '-n', '600']);
  const picked: string[] = [];
  for (const block of log.split('@').slice(1)) {
    const [sha = '', ...rows] = block.trim().split('\n');
    const files = rows.filter(Boolean).map((row) => row.split('\t'));
    const code = files.filter(
      ([added, , path]) => languageOf(path ?? '') !== null && Number(added) >= 3,
    );
    if (files.length <= 20 && code.length > 0) picked.push(sha);
    if (picked.length >= count) break;
  }
  return picked;
};

/**
 * `visible`: whether another file could be using this definition. In JavaScript a top-level
 * declaration a module does not export (`const expect = require('chai').expect` in a test, a local
 * `function equal`) is private to its file: a name used elsewhere is not that definition. Class
 * members (indented) and exported names stay visible. Other languages: always visible.
 */
type Site = { path: string; start: number; visible: boolean };

const TOP_LEVEL_DECLARATION = /^(const|let|var|function|async function|class)\b/;

const exportsName = (text: string, name: string): boolean => {
  const escaped = name.replace(/[$]/g, '\\$&');
  if (new RegExp(`\\bexports\\.${escaped}\\b`).test(text)) return true;
  const moduleExports = text.indexOf('module.exports');
  if (moduleExports >= 0 && new RegExp(`\\b${escaped}\\b`).test(text.slice(moduleExports)))
    return true;
  return new RegExp(`^export[^\\n]*\\b${escaped}\\b`, 'm').test(text);
};

const visibleFrom = (path: string, text: string, lines: string[], name: string, start: number) => {
  const language = languageOf(path);
  if (language === null || familyOf(language) !== 'js') return true;
  const line = lines[start - 1] ?? '';
  return !TOP_LEVEL_DECLARATION.test(line) || exportsName(text, name);
};

/** Every definition of the commit's files of the given language families, by name. */
const definitionsAt = async (gitDir: string, sha: string, families: Set<string>) => {
  const source = createGitCodeSource({ gitDir, commit: sha });
  const paths = (await source.listPaths()).filter((path) => {
    const language = languageOf(path);
    return language !== null && families.has(familyOf(language));
  });
  const texts = await source.readFiles(paths);
  const byName = new Map<string, Site[]>();
  for (const [path, text] of texts) {
    const language = languageOf(path);
    if (language === null) continue;
    const lines = text.split('\n');
    for (const definition of (await outlineFile(language, text)).definitions) {
      const sites = byName.get(definition.name) ?? [];
      const { name, startLine: start } = definition;
      sites.push({ path, start, visible: visibleFrom(path, text, lines, name, start) });
      byName.set(definition.name, sites);
    }
  }
  return byName;
};

/** Whether the prompt shows the line where `site` starts: in a context block or a diff line. */
const shows = (built: CommitPrompt, site: Site): boolean => {
  const { prompt, diff } = built;
  if (
    prompt.contextEntries.some(
      (entry) =>
        entry.path === site.path && site.start >= entry.startLine && site.start <= entry.endLine,
    )
  )
    return true;
  if (!prompt.includedPaths.includes(site.path)) return false;
  const file = diff.files.find((change) => change.path === site.path);
  return (
    file?.hunks.some((hunk) => hunk.lines.some((line) => line.newLine === site.start)) ?? false
  );
};

const recallOf = async (gitDir: string, built: CommitPrompt) => {
  const code = built.diff.files.filter(
    (file) => languageOf(file.path) !== null && file.status !== 'removed',
  );
  const families = new Set(code.map((file) => familyOf(languageOf(file.path) ?? 'go')));
  const index = await definitionsAt(gitDir, built.sha, families);
  const texts = await createGitCodeSource({ gitDir, commit: built.sha }).readFiles(
    code.map((file) => file.path),
  );
  let used = 0;
  let found = 0;
  let usedVisible = 0;
  let foundVisible = 0;
  for (const file of code) {
    const text = texts.get(file.path);
    const language = languageOf(file.path);
    if (text === undefined || language === null) continue;
    const outline = await outlineFile(language, text);
    const own = new Set(outline.definitions.map((definition) => definition.name));
    const added = new Set(
      file.hunks.flatMap((hunk) =>
        hunk.lines.flatMap((line) =>
          line.kind === 'add' && line.newLine !== null ? [line.newLine] : [],
        ),
      ),
    );
    const names = new Set(
      outline.uses
        .filter((use) => added.has(use.line) && !own.has(use.name) && use.name.length >= 2)
        .map((use) => use.name),
    );
    for (const name of names) {
      const elsewhere = (index.get(name) ?? []).filter((site) => site.path !== file.path);
      if (elsewhere.length === 0) continue;
      used += 1;
      const shown = elsewhere.some((site) => shows(built, site));
      if (shown) found += 1;
      const visible = elsewhere.filter((site) => site.visible);
      if (visible.length > 0) {
        usedVisible += 1;
        if (visible.some((site) => shows(built, site))) foundVisible += 1;
      }
      if (shown) continue;
      if (process.env.MEASURE_DEBUG)
        console.error(
          `miss ${file.path}: ${name} [${built.context.items.some((item) => item.symbol === name && item.kind === 'definition') ? 'offered, left out' : 'not offered'}] -> ${elsewhere
            .slice(0, 3)
            .map((s) => s.path)
            .join(', ')} (${elsewhere.length})`,
        );
    }
  }
  return { used, found, usedVisible, foundVisible };
};

/** A range of recent history whose diff changes about 100 files. */
const hundredFileRange = (gitDir: string): { base: string; head: string; files: number } => {
  const head = git(gitDir, ['rev-parse', 'HEAD']).trim();
  for (let back = 10; back <= 5_000; back = Math.ceil(back * 1.5)) {
    const base = git(gitDir, [
      'rev-list',
      '--first-parent',
      '--skip',
      String(back),
      '-n',
      '1',
      'HEAD',
    ]).trim();
    if (base === '') break;
    const files = git(gitDir, ['diff', '--name-only', base, head])
      .split('\n')
      .filter(Boolean).length;
    if (files >= 100) return { base, head, files };
  }
  throw new Error(`${gitDir}: no range of about 100 files`);
};

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
};

const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const rows: string[] = [];
for (const repo of (values.repos ?? '').split(',')) {
  const gitDir = join(values.mirror ?? '', repo.replace('/', '+'), 'repo');
  let used = 0;
  let found = 0;
  let usedVisible = 0;
  let foundVisible = 0;
  const ratios: number[] = [];
  const commits = pickCommits(gitDir, Number(values.commits));
  for (const commit of commits) {
    const deep = await buildCommitPrompt({
      gitDir,
      commit,
      tier: 'deep',
      policy: DEFAULT_POLICY,
      prices,
      contextMaxTokens: contextBudget,
    });
    const recall = await recallOf(gitDir, deep);
    used += recall.used;
    found += recall.found;
    usedVisible += recall.usedVisible;
    foundVisible += recall.foundVisible;
    const fast = await buildCommitPrompt({
      gitDir,
      commit,
      tier: 'fast',
      policy: withFastLevel('functions'),
      prices,
    });
    const plain = await buildCommitPrompt({
      gitDir,
      commit,
      tier: 'fast',
      policy: withFastLevel('diff'),
      prices,
    });
    ratios.push(fast.prompt.tokens.total / plain.prompt.tokens.total);
  }
  const range = hundredFileRange(gitDir);
  const start = process.cpuUsage();
  const wall = Date.now();
  const big = await buildCommitPrompt({
    gitDir,
    commit: range.head,
    base: range.base,
    tier: 'deep',
    policy: DEFAULT_POLICY,
    prices,
    contextMaxTokens: contextBudget,
  });
  const cpu = cpuMs(start);
  const contextCpu = big.contextCpuMs;
  rows.push(
    `| ${repo} | ${commits.length} | ${used} | ${found} | ${used === 0 ? '-' : ((100 * found) / used).toFixed(1)}% | ${usedVisible} | ${foundVisible} | ${usedVisible === 0 ? '-' : ((100 * foundVisible) / usedVisible).toFixed(1)}% | ${median(ratios).toFixed(2)} | ${Math.max(...ratios).toFixed(2)} | ${range.files} files, ${big.context.items.length} items | ${contextCpu} ms | ${cpu} ms | ${Date.now() - wall} ms |`,
  );
  console.error(`${repo}: done`);
}

console.log(
  [
    `Deep tier at a ${contextBudget.toLocaleString('en-US')}-token context budget; fast tier at its default share (functions).`,
    '',
    '| repository | commits | identifiers defined elsewhere | definition in the deep prompt | recall | of them visible to other files (JS: not module-private) | shown | recall (visible) | fast / diff-only tokens (median) | (max) | ~100-file change | context CPU | whole prompt CPU | wall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n'),
);
