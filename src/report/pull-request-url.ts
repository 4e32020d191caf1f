/** `https://github.com/<owner>/<name>/pull/<pr>`, each path segment URL-encoded. */
export const pullRequestUrl = (
  repo: string,
  pr: number,
  githubUrl = 'https://github.com',
): string =>
  `${githubUrl.replace(/\/+$/, '')}/${repo.split('/').map(encodeURIComponent).join('/')}/pull/${encodeURIComponent(String(pr))}`;
