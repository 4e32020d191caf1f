import { parse } from 'yaml';
import type { PolicyFileSource, RepoRef } from '../github/types.js';
import { loadPolicy, type PolicySource } from './load-policy.js';

export const PATH = '.github/review-router.yml';
export const REPO: RepoRef = { owner: 'acme', repo: 'api' };
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

const pluginError = (file: { owner: string; repo: string; path: string }, why: string): Error =>
  new Error(
    `[@probot/octokit-plugin-config] Configuration could not be parsed from https://api.github.com/repos/${file.owner}/${file.repo}/contents/${encodeURIComponent(file.path)} (${why})`,
  );

/**
 * An in-memory GitHub holding files as `owner/repo:path` -> text, whose loadConfig behaves as
 * @probot/octokit-plugin-config does: the repository's file, else the org's `.github`, then
 * each `_extends` in turn, the repository's own file first.
 */
export const fakeGitHub = (texts: Record<string, string>) => {
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

export const load = async (texts: Record<string, string>) => {
  const { source, reads } = fakeGitHub(texts);
  return { result: await loadPolicy(source, REPO), reads };
};

export const problemsOf = async (texts: Record<string, string>) => {
  const { result } = await load(texts);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.error.problems;
};

export const policyOf = async (texts: Record<string, string>) => {
  const { result } = await load(texts);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  return result.value;
};
