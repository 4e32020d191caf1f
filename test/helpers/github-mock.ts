/** nock scopes for the GitHub requests one review job makes, with the bodies it sent recorded. */
import nock from 'nock';

export const GITHUB_API = 'https://api.github.com';
export const POLICY_FILE = '.github%2Freview-router.yml';

export interface Sent {
  checkRuns: Array<Record<string, any>>;
  checkRunUpdates: Array<Record<string, any>>;
  reviews: Array<Record<string, any>>;
}

export interface MockPullOptions {
  owner?: string;
  repo?: string;
  number?: number;
  pull: Record<string, any>;
  files: Array<Record<string, any>>;
  /** The repository's own policy file text; undefined = no file (404 here and in the org). */
  policy?: string;
  /** With no `policy`: the org's `.github` policy file text, which the repository then inherits. */
  orgPolicy?: string;
  /** How many times the job reads the pull request (the second read checks the head moved). */
  pullReads?: number;
}

/**
 * What a job reads before the change: no policy file (the repository's, then the org's) and the
 * pull request, answered `status` (a 404: gone for the installation), `pullReads` times.
 */
export const mockPolicyAndPull = (
  pull: Record<string, any>,
  options: { status?: number; pullReads?: number } = {},
) =>
  nock(GITHUB_API)
    .get(`/repos/acme/api/contents/${POLICY_FILE}`)
    .reply(404, { message: 'Not Found' })
    .get(`/repos/acme/.github/contents/${POLICY_FILE}`)
    .reply(404, { message: 'Not Found' })
    .get('/repos/acme/api/pulls/7')
    .times(options.pullReads ?? 1)
    .reply(options.status ?? 200, pull);

/** The policy file read through Probot's loader (raw media type); `times` 2 when it gets located. */
export const mockPolicyFile = (
  text: string,
  options: { owner?: string; repo?: string; times?: number } = {},
) =>
  nock(GITHUB_API)
    .get(`/repos/${options.owner ?? 'acme'}/${options.repo ?? 'api'}/contents/${POLICY_FILE}`)
    .times(options.times ?? 1)
    .reply(200, text, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });

export const mockPullRequest = (options: MockPullOptions): { scope: nock.Scope; sent: Sent } => {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'api';
  const number = options.number ?? 7;
  const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
  const scope = nock(GITHUB_API);
  if (options.policy === undefined) {
    scope
      .get(`/repos/${owner}/${repo}/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' });
    if (options.orgPolicy === undefined) {
      scope
        .get(`/repos/${owner}/.github/contents/${POLICY_FILE}`)
        .reply(404, { message: 'Not Found' });
    } else {
      mockPolicyFile(options.orgPolicy, { owner, repo: '.github' });
    }
  } else {
    mockPolicyFile(options.policy, { owner, repo });
  }
  scope
    .get(`/repos/${owner}/${repo}/pulls/${number}`)
    .times(options.pullReads ?? 2)
    .reply(200, options.pull);
  scope
    .get(`/repos/${owner}/${repo}/pulls/${number}/files`)
    .query({ per_page: '100' })
    .reply(200, options.files);
  return { scope, sent };
};

/**
 * Records what the app sent, from the scope's `request` event: nock 15 hangs on reply functions
 * under fetch, and body matchers also run for requests to other paths.
 */
const record = (
  scope: nock.Scope,
  method: string,
  path: RegExp,
  list: Array<Record<string, any>>,
) =>
  scope.on('request', (req: Request, _interceptor: unknown, body: string) => {
    if (req.method === method && path.test(new URL(req.url).pathname))
      list.push(JSON.parse(body) as Record<string, any>);
  });

/** Accepts check runs (created in_progress, then completed) and records them. */
export const mockChecks = (
  sent: Sent,
  options: { owner?: string; repo?: string; times?: number } = {},
) => {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'api';
  const times = options.times ?? 1;
  const scope = nock(GITHUB_API)
    .post(`/repos/${owner}/${repo}/check-runs`)
    .times(times)
    .reply(201, { id: 1001, status: 'in_progress' })
    .patch(`/repos/${owner}/${repo}/check-runs/1001`)
    .times(times)
    .reply(200, { id: 1001, status: 'completed' });
  record(scope, 'POST', /\/check-runs$/, sent.checkRuns);
  record(scope, 'PATCH', /\/check-runs\/\d+$/, sent.checkRunUpdates);
  return scope;
};

export const mockReview = (
  sent: Sent,
  options: { owner?: string; repo?: string; number?: number; id?: number } = {},
) => {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'api';
  const number = options.number ?? 7;
  const id = options.id ?? 80;
  const scope = nock(GITHUB_API)
    .post(`/repos/${owner}/${repo}/pulls/${number}/reviews`)
    .reply(200, {
      id,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#pullrequestreview-${id}`,
    });
  record(scope, 'POST', /\/reviews$/, sent.reviews);
  return scope;
};
