/**
 * The code-source port over GitHub for one commit: the tree in one request
 * (`GET /git/trees/{sha}?recursive=1`) and the files of each round in one GraphQL request, every
 * path passed as a variable (`object(expression: "<sha>:<path>")`), never spliced into the query.
 */
import type { ProbotOctokit } from 'probot';
import { safeRepoPath } from '../context/safe-repo-path.js';
import type { CodeSource } from '../context/types.js';
import type { RepoRef } from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** GitHub's GraphQL API answers a query of a few hundred aliased objects comfortably. */
const PATHS_PER_QUERY = 300;

interface BlobAnswer {
  readonly text?: string | null;
  readonly isBinary?: boolean | null;
}

type FilesAnswer = { readonly repository: Record<string, BlobAnswer | null> | null };

const filesQuery = (count: number): string => {
  const variables = Array.from({ length: count }, (_, index) => `$e${index}: String!`);
  const fields = Array.from(
    { length: count },
    (_, index) => `f${index}: object(expression: $e${index}) { ... on Blob { text isBinary } }`,
  );
  return `query ($owner: String!, $name: String!, ${variables.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
}`;
};

export const createOctokitCodeSource = (
  octokit: Octokit,
  { owner, repo }: RepoRef,
  commit: string,
): CodeSource => ({
  listPaths: async () => {
    const { data } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: commit,
      recursive: 'true',
    });
    return data.tree.flatMap((entry) =>
      entry.type === 'blob' && entry.path !== undefined && safeRepoPath(entry.path) !== null
        ? [entry.path]
        : [],
    );
  },
  readFiles: async (paths) => {
    const texts = new Map<string, string>();
    // Sorted: the same files make the same query, whatever order they were asked in.
    const safe = paths.filter((path) => safeRepoPath(path) !== null).sort();
    for (let start = 0; start < safe.length; start += PATHS_PER_QUERY) {
      const batch = safe.slice(start, start + PATHS_PER_QUERY);
      const expressions = Object.fromEntries(
        batch.map((path, index) => [`e${index}`, `${commit}:${path}`]),
      );
      const answer = await octokit.graphql<FilesAnswer>(filesQuery(batch.length), {
        owner,
        name: repo,
        ...expressions,
      });
      batch.forEach((path, index) => {
        const blob = answer.repository?.[`f${index}`];
        if (blob?.isBinary === false && typeof blob.text === 'string') texts.set(path, blob.text);
      });
    }
    return texts;
  },
});
