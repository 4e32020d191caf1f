import { httpStatus } from '../domain/http-status.js';
import type { Finding } from '../domain/model-answer.js';
import type { InlineComment } from '../github/types.js';
import type { PlacedFindings } from './place-findings.js';
import type { PublishPorts } from './reviewed-change.js';
import { splitRejected } from './split-rejected.js';

/** The review as posted: where the findings went in the end, and the body's text. */
export interface PostedPlaced {
  readonly id: number;
  readonly url: string;
  readonly placed: PlacedFindings;
  readonly body: string;
}

export interface PostPlacedOptions {
  readonly headSha: string;
  readonly placed: PlacedFindings;
  readonly notes: readonly string[];
  readonly body: (placed: PlacedFindings, notes: readonly string[]) => string;
  readonly inlineComment: (finding: Finding) => InlineComment;
  /** What the body of this review holds (`reviewMarks`): how to find it if an answer is lost. */
  readonly marks: readonly string[];
}

/**
 * Posts the one review for this head SHA (event COMMENT, always). GitHub rejects a whole review
 * for one bad inline comment (422): then the comments it will not place move to the body, found
 * with pending-review probes, and the review posts again. An error that may have come after GitHub
 * made the review (a 5xx, a lost connection: the request is never retried) is checked against the
 * pull request's reviews first: a review found is the one posted, never posted twice.
 */
export const postPlacedReview = async (
  options: PostPlacedOptions,
  ports: Pick<PublishPorts, 'gh' | 'ref' | 'log'>,
): Promise<PostedPlaced> => {
  const { placed, notes, body, inlineComment, headSha } = options;
  const madeAnyway = async (error: unknown) => {
    const status = httpStatus(error);
    if (status !== null && status < 500) return null;
    return ports.gh.findReview(ports.ref, headSha, options.marks).catch(() => null);
  };
  const post = async (p: PlacedFindings, extra: readonly string[]): Promise<PostedPlaced> => {
    const text = body(p, extra);
    try {
      const made = await ports.gh.createReview(ports.ref, {
        commitId: headSha,
        body: text,
        comments: p.inline.map(inlineComment),
      });
      return { ...made, placed: p, body: text };
    } catch (error) {
      const made = await madeAnyway(error);
      if (made === null) throw error;
      ports.log.warn(
        { err: error, reviewId: made.id },
        'GitHub answered an error, but made the review',
      );
      return { ...made, placed: p, body: text };
    }
  };
  let refusal: unknown;
  try {
    return await post(placed, notes);
  } catch (error) {
    if (httpStatus(error) !== 422 || placed.inline.length === 0) throw error;
    refusal = error;
  }
  // Find the comments GitHub will not place, move only those to the body, and post again.
  const { accepted, rejected } = await splitRejected(placed.inline, (subset) =>
    ports.gh.acceptsComments(ports.ref, headSha, subset.map(inlineComment)),
  );
  // GitHub takes every comment: what it refused was something else, said as it said it.
  if (rejected.length === 0) throw refusal;
  ports.log.warn(
    { comments: placed.inline.length, rejected: rejected.length },
    'GitHub rejected inline comments (422): posting those in the body',
  );
  const moved = { ...placed, inline: accepted, inBody: [...rejected, ...placed.inBody] };
  const one = rejected.length === 1;
  const note = `GitHub did not accept ${one ? 'one finding' : `${rejected.length} findings`} as inline comments, so ${one ? 'it is' : 'they are'} listed here.`;
  try {
    return await post(moved, [...notes, note]);
  } catch (retryError) {
    if (httpStatus(retryError) !== 422) throw retryError;
  }
  const inBody = { ...placed, inline: [], inBody: [...placed.inline, ...placed.inBody] };
  return post(inBody, [
    ...notes,
    'GitHub did not accept these findings as inline comments, so they are listed here.',
  ]);
};
