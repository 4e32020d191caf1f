import type { RepositoryLink } from './types.js';

/**
 * The repository of a pull request from its `html_url` (`https://github.com/acme/api/pull/7`, or
 * the same on a GitHub Enterprise host); null when the URL has another shape.
 */
export const repositoryLinkOf = (pullRequestUrl: string): RepositoryLink | null => {
  let url: URL;
  try {
    url = new URL(pullRequestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (owner === undefined || repo === undefined) return null;
  return { origin: url.origin, owner: decodeURIComponent(owner), repo: decodeURIComponent(repo) };
};
