/**
 * A path inside the repository, or null: absolute paths, `..` segments, backslashes, control
 * characters and `.git/` are refused, so no source is ever asked for anything outside it.
 */
export const safeRepoPath = (path: string): string | null => {
  if (path === '' || path.length > 4_096) return null;
  if (/[\u0000-\u001f\\]/.test(path)) return null;
  if (path.startsWith('/')) return null;
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    return null;
  if (segments[0] === '.git') return null;
  return path;
};
