import type { RepositoryLink } from './types.js';

/**
 * The normalised URL when `href` is an absolute http(s) URL inside the repository on its own host
 * (`https://github.com/acme/api/...`), else null. Dot segments are resolved first, so
 * `/acme/api/../../evil` is outside; credentials in the URL are never allowed.
 */
export const repositoryUrl = (href: string, repository: RepositoryLink | null): string | null => {
  if (repository === null) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.origin.toLowerCase() !== repository.origin.toLowerCase()) return null;
  if (url.username !== '' || url.password !== '') return null;
  const prefix = `/${repository.owner}/${repository.repo}`.toLowerCase();
  const path = url.pathname.toLowerCase();
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
  // Parentheses and spaces would end a Markdown link destination early.
  return url.href.replace(
    /[()\s<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
};
