import { describe, expect, it } from 'vitest';
import { loadPolicy, type PolicySource } from './load-policy.js';
import { fakeGitHub, load, PATH, problemsOf, REPO, yaml } from './test-policy-source.js';

describe('loadPolicy', () => {
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

  it('refuses flex inherited onto a provider without a flex tier, on the file that set it last', async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml(
        '_extends: .github',
        'models: { fast: { provider: bedrock, model: global.anthropic.claude-haiku-4-5-20251001-v1:0 } }',
      ),
      [`acme/.github:${PATH}`]: yaml('models: { fast: { service_tier: flex } }'),
    });
    expect(problems).toMatchObject([
      {
        file: `acme/api:${PATH}`,
        path: 'models.fast.provider',
        message: `service_tier 'flex' is not available for provider 'bedrock' (flex is set in acme/.github:${PATH}, the provider in acme/api:${PATH})`,
      },
    ]);
  });

  it('refuses flex on a provider without a flex tier in one file', async () => {
    const problems = await problemsOf({
      [`acme/api:${PATH}`]: yaml('models: { deep: { provider: vertex, service_tier: flex } }'),
    });
    expect(problems).toMatchObject([
      {
        path: 'models.deep.service_tier',
        message: "service_tier 'flex' is not available for provider 'vertex'",
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
