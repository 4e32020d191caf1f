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
/**
 * GraphQL cuts a blob's text at 512,000 bytes (`isTruncated`); such a file is read whole through
 * the REST blob endpoint instead, one request each, for at most this many files of at most this
 * many bytes per batch of reads. Larger or further ones are left out rather than quoted cut short.
 */
const LARGE_BLOBS_PER_BATCH = 8;
const LARGE_BLOB_MAX_BYTES = 2_000_000;

interface BlobAnswer {
  readonly text?: string | null;
  readonly isBinary?: boolean | null;
  readonly isTruncated?: boolean | null;
  readonly oid?: string | null;
  readonly byteSize?: number | null;
}

type FilesAnswer = { readonly repository: Record<string, BlobAnswer | null> | null };

const filesQuery = (count: number): string => {
  const variables = Array.from({ length: count }, (_, index) => `$e${index}: String!`);
  const fields = Array.from(
    { length: count },
    (_, index) =>
      `f${index}: object(expression: $e${index}) { ... on Blob { text isBinary isTruncated oid byteSize } }`,
  );
  return `query ($owner: String!, $name: String!, ${variables.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
}`;
};

/**
 * The data of an answer that also carried errors (Octokit throws it as a `GraphqlResponseError`
 * with `data`): GitHub answers the objects it could and nulls the others. Null when there is none.
 */
const partialAnswer = (error: unknown): FilesAnswer | null => {
  if (!(error instanceof Error) || !('data' in error)) return null;
  const { data } = error as { data?: unknown };
  return typeof data === 'object' && data !== null && 'repository' in data
    ? (data as FilesAnswer)
    : null;
};

/** Texts by `<sha>:<path>` expression. */
export type BlobReader = (expressions: readonly string[]) => Promise<ReadonlyMap<string, string>>;

interface LargeBlob {
  readonly expression: string;
  readonly oid: string;
}

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

  const readSlice = async (
    slice: readonly string[],
    texts: Map<string, string>,
    large: LargeBlob[],
  ): Promise<void> => {
    const variables = Object.fromEntries(slice.map((expression, i) => [`e${i}`, expression]));
    let answer: FilesAnswer;
    try {
      answer = await octokit.graphql<FilesAnswer>(filesQuery(slice.length), {
        owner,
        name: repo,
        ...variables,
      });
    } catch (error) {
      const partial = partialAnswer(error);
      if (partial === null) throw error;
      answer = partial;
    }
    slice.forEach((expression, index) => {
      const blob = answer.repository?.[`f${index}`];
      if (blob?.isBinary !== false || typeof blob.text !== 'string') return;
      if (blob.isTruncated !== true) texts.set(expression, blob.text);
      else if (typeof blob.oid === 'string' && (blob.byteSize ?? 0) <= LARGE_BLOB_MAX_BYTES)
        large.push({ expression, oid: blob.oid });
    });
  };

  /** A file GraphQL cut short, read whole; left out when that read fails. */
  const readLarge = async ({ expression, oid }: LargeBlob, texts: Map<string, string>) => {
    try {
      const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: oid });
      if (data.encoding === 'base64')
        texts.set(expression, Buffer.from(data.content, 'base64').toString('utf8'));
    } catch {
      // The file stays unread: its context is listed as left out, and the review goes on.
    }
  };

  const flush = async () => {
    const batch = waiting;
    waiting = [];
    const all = [...new Set(batch.flatMap((entry) => entry.expressions))].sort();
    const texts = new Map<string, string>();
    const large: LargeBlob[] = [];
    try {
      for (let start = 0; start < all.length; start += PATHS_PER_QUERY)
        await readSlice(all.slice(start, start + PATHS_PER_QUERY), texts, large);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    for (const blob of large.slice(0, LARGE_BLOBS_PER_BATCH)) await readLarge(blob, texts);
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
