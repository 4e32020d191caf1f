import type { ContextItem } from '../context/types.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel, FileChange } from '../domain/diff.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { BuildPromptInput } from './types.js';

export const file = (
  path: string,
  options: Partial<FileChange> & { lines?: number } = {},
): FileChange => {
  const count = options.lines ?? 3;
  return {
    path,
    previousPath: null,
    status: 'modified',
    additions: count,
    deletions: 0,
    binary: false,
    patchAvailable: true,
    hunks: [
      {
        oldStart: 1,
        oldLines: 0,
        newStart: 1,
        newLines: count,
        section: '',
        lines: Array.from({ length: count }, (_, index) => ({
          kind: 'add' as const,
          oldLine: null,
          newLine: index + 1,
          text: `const value${index} = compute(${index}); // ${path}`,
        })),
      },
    ],
    ...options,
  };
};

/** A stand-in for the changes stage's formatter: path, then one numbered line per diff line. */
export const formatFile = (change: FileChange): string =>
  [
    `### ${change.path}`,
    ...change.hunks.flatMap((hunk) =>
      hunk.lines.map((line) => `R ${line.newLine ?? ''} + ${line.text}`),
    ),
  ].join('\n');

export const policy = (review: Partial<Policy['review']> = {}): Policy => ({
  enabled: true,
  models: {
    fast: { provider: 'openai', model: 'gpt-5.3-codex', effort: 'low' },
    deep: { provider: 'anthropic', model: 'claude-opus-4-6', effort: 'high' },
  },
  routing: { rules: [], default: 'fast', escalate: true },
  skip: { drafts: true, labels: [], authors: [], only_paths: [] },
  risk: { sensitive_paths: [], levels: { medium: 0.3, high: 0.6, critical: 0.85 } },
  size: { changed_lines: { S: 50, M: 250, L: 1000, XL: 4000 } },
  review: {
    ignore_paths: ['**/*.lock', 'dist/**'],
    max_comments: 25,
    min_severity: 'warning',
    instructions: '',
    path_instructions: [],
    ...review,
  },
  budget: {
    monthly_usd: null,
    per_review_usd: null,
    org_monthly_usd: null,
    per_pull_request_usd: null,
    alert_at: [],
    when_exceeded: 'fast',
  },
});

export const classification = (fileRisk: readonly string[]): Classification => ({
  changedFiles: fileRisk.length,
  additions: 10,
  deletions: 2,
  changedLines: 12,
  size: 'S',
  risk: {
    score: 0.64,
    level: 'high',
    signals: [{ id: 'sensitive-path', weight: 0.3, message: 'touches src/auth/', paths: [] }],
  },
  fileRisk: fileRisk.map((path, index) => ({ path, score: 1 - index / 100 })),
});

export const pr: PullRequestFacts = {
  number: 42,
  title: 'Fix session expiry',
  body: 'Sessions now expire after 30 minutes.',
  author: 'octocat',
  authorAssociation: 'CONTRIBUTOR',
  labels: [],
  draft: false,
  state: 'open',
  baseRef: 'main',
  headRef: 'fix/session',
  headSha: 'a'.repeat(40),
  htmlUrl: 'https://github.com/acme/widgets/pull/42',
};

export const diffOf = (files: FileChange[]): DiffModel => ({
  files,
  additions: files.reduce((sum, change) => sum + change.additions, 0),
  deletions: 0,
  truncated: false,
});

export const input = (overrides: Partial<BuildPromptInput> = {}): BuildPromptInput => {
  const files = [file('src/util.ts'), file('src/auth/session.ts'), file('README.md')];
  return {
    policy: policy(),
    classification: classification(['src/auth/session.ts', 'src/util.ts', 'README.md']),
    diff: diffOf(files),
    pr,
    route: { tier: 'fast', reason: 'risk low: routine change' },
    maxInputTokens: 100_000,
    formatFile,
    ...overrides,
  };
};

export const fenceOf = (prompt: string): string => {
  const match = /Its data blocks use the fence ([0-9a-f]+)\./.exec(prompt);
  if (!match?.[1]) throw new Error('no fence announced in the prompt');
  return match[1];
};

/** One item of code context: the function around a change in src/util.ts, unless told. */
export const contextItem = (overrides: Partial<ContextItem> = {}): ContextItem => ({
  path: 'src/util.ts',
  kind: 'function',
  symbol: 'compute',
  reason: 'the function enclosing a change',
  startLine: 1,
  text: 'export const compute = (n: number) => n * 2;',
  level: 'functions',
  ...overrides,
});
