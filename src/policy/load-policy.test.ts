import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PolicyFileSource, RepoRef } from '../github/types.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { loadPolicy, type PolicySource } from './load-policy.js';

const PATH = '.github/review-router.yml';
const REPO: RepoRef = { owner: 'acme', repo: 'api' };
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

const pluginError = (file: { owner: string; repo: string; path: string }, why: string): Error =>
  new Error(
    `[@probot/octokit-plugin-config] Configuration could not be parsed from https://api.github.com/repos/${file.owner}/${file.repo}/contents/${encodeURIComponent(file.path)} (${why})`,
  );

/**
 * An in-memory GitHub holding files as `owner/repo:path` -> text, whose loadConfig behaves as
 * @probot/octokit-plugin-config does: the repository's file, else the org's `.github`, then
 * each `_extends` in turn, the repository's own file first.
 */
const fakeGitHub = (texts: Record<string, string>) => {
  const reads: string[] = [];
  const get = (owner: string, repo: string, path: string): PolicyFileSource => {
    const text = texts[`${owner}/${repo}:${path}`];
    if (text === undefined) return { owner, repo, path, config: null };
    let config: unknown;
    try {
      config = parse(text) ?? {};
    } catch {
      throw new Error('wrapped by the adapter', {
        cause: pluginError({ owner, repo, path }, 'invalid YAML'),
      });
    }
    return { owner, repo, path, config: config as Record<string, unknown> };
  };
  const source: PolicySource = {
    loadConfig: (ref, path) => {
      const files = [get(ref.owner, ref.repo, path)];
      if (files[0]?.config === null && ref.repo !== '.github')
        files.push(get(ref.owner, '.github', path));
      let last = files.at(-1);
      while (typeof last?.config?.['_extends'] === 'string') {
        const [, owner = ref.owner, repo = '', file = path] =
          /^(?:([^/]+)\/)?([^:]+)(?::(.+))?$/.exec(last.config['_extends']) ?? [];
        delete last.config['_extends'];
        last = get(owner, repo, file);
        files.push(last);
      }
      return Promise.resolve({ files });
    },
    readFile: (ref, path) => {
      reads.push(`${ref.owner}/${ref.repo}:${path}`);
      return Promise.resolve(texts[`${ref.owner}/${ref.repo}:${path}`] ?? null);
    },
  };
  return { source, reads };
};

const load = async (texts: Record<string, string>) => {
  const { source, reads } = fakeGitHub(texts);
  return { result: await loadPolicy(source, REPO), reads };
};

const problemsOf = async (texts: Record<string, string>) => {
  const { result } = await load(texts);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.error.problems;
};

const policyOf = async (texts: Record<string, string>) => {
  const { result } = await load(texts);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  return result.value;
};

describe('loadPolicy', () => {
  it('returns the default policy when no repository has a policy file', async () => {
    const { result, reads } = await load({});
    expect(result).toEqual({ ok: true, value: DEFAULT_POLICY });
    expect(reads).toEqual([]);
  });

  it('asks the port for .github/review-router.yml of the repository', async () => {
    const asked: [RepoRef, string][] = [];
    const source: PolicySource = {
      loadConfig: (ref, path) => {
        asked.push([ref, path]);
        return Promise.resolve({ files: [] });
      },
      readFile: () => Promise.resolve(null),
    };
    await loadPolicy(source, REPO);
    expect(asked).toEqual([[REPO, PATH]]);
  });

  it("layers the repository's own file over the defaults", async () => {
    const policy = await policyOf({ [`acme/api:${PATH}`]: yaml('review:', '  max_comments: 5') });
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      review: { ...DEFAULT_POLICY.review, max_comments: 5 },
    });
  });

  it("falls back to the org's .github repository when the repository has no file", async () => {
    const policy = await policyOf({ [`acme/.github:${PATH}`]: yaml('enabled: false') });
    expect(policy.enabled).toBe(false);
  });

  it('lets the repository override the org file it extends, keeping what it does not set', async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml(
        '_extends: .github',
        'routing:',
        '  rules: [{ when: { paths: ["src/auth/**"] }, tier: deep }]',
        'review:',
        '  max_comments: 5',
      ),
      [`acme/.github:${PATH}`]: yaml(
        'routing:',
        '  rules: [{ when: { labels: [org-deep] }, tier: deep }]',
        '  default: deep',
        'review:',
        '  max_comments: 50',
        '  min_severity: error',
      ),
    });
    expect(policy.routing).toEqual({
      rules: [{ when: { paths: ['src/auth/**'] }, tier: 'deep' }],
      default: 'deep',
      escalate: true,
    });
    expect(policy.review).toMatchObject({ max_comments: 5, min_severity: 'error' });
  });

  it('follows an _extends chain through several files, nearest file winning', async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'budget: { monthly_usd: 10 }'),
      [`acme/.github:${PATH}`]: yaml(
        '_extends: acme/policies:base.yml',
        'budget: { monthly_usd: 100, when_exceeded: skip }',
      ),
      'acme/policies:base.yml': yaml('budget: { monthly_usd: 1000, per_review_usd: 2 }'),
    });
    expect(policy.budget).toEqual({
      monthly_usd: 10,
      org_monthly_usd: null,
      per_review_usd: 2,
      when_exceeded: 'skip',
    });
  });

  it.each([
    ['extends the org file', { [`acme/api:${PATH}`]: yaml('_extends: .github', 'enabled: true') }],
    ['has no file of its own', {}],
  ])("gives a repository that %s the org's monthly cap", async (_case, repoFiles) => {
    const policy = await policyOf({
      ...repoFiles,
      [`acme/.github:${PATH}`]: yaml('budget: { org_monthly_usd: 500 }'),
    });
    expect(policy.budget.org_monthly_usd).toBe(500);
    expect(policy.budget.monthly_usd).toBeNull();
  });

  it("does not give a repository with a file of its own and no _extends the org's cap", async () => {
    const policy = await policyOf({
      [`acme/api:${PATH}`]: yaml('enabled: true'),
      [`acme/.github:${PATH}`]: yaml('budget: { org_monthly_usd: 500 }'),
    });
    expect(policy.budget.org_monthly_usd).toBeNull();
  });

  it('names the org file, with its line, when the invalid key is in the org layer', async () => {
    const { result, reads } = await load({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'enabled: true'),
      [`acme/.github:${PATH}`]: yaml(
        'routing:',
        '  rules:',
        '    - when: { lables: [deep] }',
        '      tier: deep',
      ),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        problems: [
          {
            file: `acme/.github:${PATH}`,
            path: 'routing.rules[0].when.lables',
            line: 3,
            column: 15,
            message: "unknown key 'lables'",
            hint: "did you mean 'labels'?",
          },
        ],
      },
    });
    expect(reads).toEqual([`acme/.github:${PATH}`]);
  });

  it("lists problems in every invalid file, the repository's own first", async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'enabeld: true'),
      [`acme/.github:${PATH}`]: yaml('review:', '  max_comments: lots'),
    });
    expect(problems.map(({ file, path, line }) => ({ file, path, line }))).toEqual([
      { file: `acme/api:${PATH}`, path: 'enabeld', line: 2 },
      { file: `acme/.github:${PATH}`, path: 'review.max_comments', line: 2 },
    ]);
  });

  it('pins a clash between layers on the file that set the value last', async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'risk:', '  levels:', '    high: 0.75'),
      [`acme/.github:${PATH}`]: yaml('risk: { levels: { critical: 0.7 } }'),
    });
    expect(problems).toEqual([
      {
        file: `acme/api:${PATH}`,
        path: 'risk.levels.high',
        line: 4,
        column: 11,
        message: 'must be less than critical (0.7), got 0.75',
        hint: `critical is 0.7 in acme/.github:${PATH}: set critical here too, or lower high`,
      },
    ]);
  });

  it('blames the org file when its provider no longer takes the effort the repository set', async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github', 'models: { fast: { effort: minimal } }'),
      [`acme/.github:${PATH}`]: yaml(
        'models: { fast: { provider: anthropic, model: claude-haiku-4-5 } }',
      ),
    });
    expect(problems).toMatchObject([
      {
        file: `acme/api:${PATH}`,
        path: 'models.fast.effort',
        message: `effort 'minimal' is not available for provider 'anthropic' (anthropic is the provider in acme/.github:${PATH})`,
        hint: 'expected one of: low, medium, high, max',
      },
    ]);
  });

  it('locates a YAML syntax error in the file the config loader could not parse', async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml('_extends: .github'),
      [`acme/.github:${PATH}`]: yaml('skip:', '  labels: [a, b', 'enabled: true'),
    });
    expect(problems).toMatchObject([
      { file: `acme/.github:${PATH}`, path: '', line: 3, column: 1 },
    ]);
    expect(problems[0]?.message).toMatch(/^invalid YAML: /);
  });

  const ORG_URL = 'https://api.github.com/repos/acme/.github/contents/.github%2Freview-router.yml';
  it.each([
    {
      case: 'a value it cannot parse',
      error: `[@probot/octokit-plugin-config] Invalid value "a b" for _extends in ${ORG_URL}`,
      message: 'cannot follow _extends "a b"',
    },
    {
      case: 'a loop back to a file already read',
      error: `[@probot/octokit-plugin-config] Recursion detected. Ignoring  "_extends: undefined" from ${ORG_URL} because https://api.github.com/repos/acme/api/contents/.github%2Freview-router.yml was already loaded.`,
      message: '_extends leads back to a file already read',
    },
  ])('reports an _extends with $case as a problem at its _extends', async ({ error, message }) => {
    const source: PolicySource = {
      loadConfig: () => Promise.reject(new Error(error)),
      readFile: (ref, path) =>
        Promise.resolve(
          ref.repo === '.github' && path === PATH ? yaml('enabled: true', '_extends: a b') : null,
        ),
    };
    const result = await loadPolicy(source, REPO);
    expect(result).toMatchObject({
      ok: false,
      error: {
        problems: [
          { file: `acme/.github:${PATH}`, path: '_extends', line: 2, column: 11, message },
        ],
      },
    });
  });

  it('still reports the problem, without a line, when the raw file cannot be read', async () => {
    const { source } = fakeGitHub({ [`acme/api:${PATH}`]: yaml('enabeld: true') });
    const result = await loadPolicy(
      { ...source, readFile: () => Promise.reject(new Error('502 Bad Gateway')) },
      REPO,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        problems: [{ path: 'enabeld', line: null, column: null, hint: "did you mean 'enabled'?" }],
      },
    });
  });

  it('passes on a failure that is not about the policy file', async () => {
    const failure = new Error('HttpError: Server Error');
    const source: PolicySource = {
      loadConfig: () => Promise.reject(failure),
      readFile: () => Promise.resolve(null),
    };
    await expect(loadPolicy(source, REPO)).rejects.toBe(failure);
  });
});
