/** issue_comment webhooks on a pull request, built from @octokit/webhooks-examples. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WebhookExample {
  name: string;
  examples: Array<Record<string, any> & { action?: string }>;
}
const examples =
  require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExample[];

export interface CommentOptions {
  login?: string;
  /** 'User' or 'Bot'. */
  type?: string;
  commentId?: number;
  number?: number;
  /** False: a comment on a plain issue. */
  onPullRequest?: boolean;
}

export const issueCommentEvent = (body: string, options: CommentOptions = {}) => {
  const created = examples
    .find((e) => e.name === 'issue_comment')!
    .examples.find((e) => e.action === 'created')!;
  const event = structuredClone(created);
  const login = options.login ?? 'maintainer';
  const user = { ...event.sender, login, type: options.type ?? 'User' };
  const number = options.number ?? 7;
  event.issue = {
    ...event.issue,
    number,
    ...(options.onPullRequest === false
      ? {}
      : {
          pull_request: {
            url: `https://api.github.com/repos/acme/api/pulls/${number}`,
            html_url: `https://github.com/acme/api/pull/${number}`,
            diff_url: `https://github.com/acme/api/pull/${number}.diff`,
            patch_url: `https://github.com/acme/api/pull/${number}.patch`,
            merged_at: null,
          },
        }),
  };
  event.comment = { ...event.comment, id: options.commentId ?? 901, body, user };
  event.sender = user;
  event.repository = {
    ...event.repository,
    name: 'api',
    full_name: 'acme/api',
    owner: { ...event.repository.owner, login: 'acme' },
  };
  event.installation = { id: 42, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=' };
  return event;
};
