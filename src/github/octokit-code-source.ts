/**
 * The code-source port over GitHub for one commit: the tree in one request
 * (`GET /git/trees/{sha}?recursive=1`) and the files of each round in one GraphQL request, every
 * path passed as a variable (`object(expression: "<sha>:<path>")`), never spliced into the query.
 * Reads of one repository asked for together (the head's and the base's files of the same round)
 * share that request, whatever their commit.
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

/** Texts by `<sha>:<path>` expression. */
export type BlobReader = (expressions: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * Reads blobs of one repository. The expressions asked for before the event loop turns are read
 * together, in one query per 300, sorted: the same files make the same query in any order.
 */
export const createBlobReader = (octokit: Octokit, { owner, repo }: RepoRef): BlobReader => {
  let waiting: {
    expressions: readonly string[];
    resolve: (texts: ReadonlyMap<string, string>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    const all = [...new Set(batch.flatMap((entry) => entry.expressions))].sort();
    const texts = new Map<string, string>();
    try {
      for (let start = 0; start < all.length; start += PATHS_PER_QUERY) {
        const slice = all.slice(start, start + PATHS_PER_QUERY);
        const variables = Object.fromEntries(slice.map((expression, i) => [`e${i}`, expression]));
        const answer = await octokit.graphql<FilesAnswer>(filesQuery(slice.length), {
          owner,
          name: repo,
          ...variables,
        });
        slice.forEach((expression, index) => {
          const blob = answer.repository?.[`f${index}`];
          if (blob?.isBinary === false && typeof blob.text === 'string')
            texts.set(expression, blob.text);
        });
      }
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    for (const entry of batch) entry.resolve(texts);
  };
  return (expressions) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(() => void flush());
      waiting.push({ expressions, resolve, reject });
    });
};

export const createOctokitCodeSource = (
  octokit: Octokit,
  { owner, repo }: RepoRef,
  commit: string,
  readBlobs: BlobReader = createBlobReader(octokit, { owner, repo }),
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
    const safe = paths.filter((path) => safeRepoPath(path) !== null);
    if (safe.length === 0) return new Map();
    const blobs = await readBlobs(safe.map((path) => `${commit}:${path}`));
    return new Map(
      safe.flatMap((path) => {
        const text = blobs.get(`${commit}:${path}`);
        return text === undefined ? [] : [[path, text] as const];
      }),
    );
  },
});
