/** The owner (user or organisation) of an `owner/name` repository: the key of the org budget scope. */
export const ownerOf = (repo: string): string => {
  const slash = repo.indexOf('/');
  if (slash <= 0) {
    throw new RangeError(
      `expected a repository as owner/name, got ${JSON.stringify(repo)}. To resolve, pass the full name, e.g. acme/api`,
    );
  }
  return repo.slice(0, slash);
};
