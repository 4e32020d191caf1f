/** Realistic GitHub payloads, built from @octokit/webhooks-examples and tweaked per test. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WebhookExample {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}
const examples =
  require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExample[];

const clone = <T>(value: T): T => structuredClone(value);

export interface PullRequestOptions {
  owner?: string;
  repo?: string;
  number?: number;
  headSha?: string;
  draft?: boolean;
  labels?: string[];
  author?: string;
  authorAssociation?: string;
  title?: string;
  body?: string;
}

/** The `pull_request` object as both the webhook and `GET /pulls/{n}` carry it. */
export const pullRequestObject = (options: PullRequestOptions = {}): Record<string, any> => {
  const opened = examples
    .find((e) => e.name === 'pull_request')!
    .examples.find((e) => e.action === 'opened')!;
  const pr = clone(opened.pull_request) as Record<string, any>;
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'api';
  const number = options.number ?? 7;
  pr.number = number;
  pr.html_url = `https://github.com/${owner}/${repo}/pull/${number}`;
  pr.title = options.title ?? 'Improve the thing';
  pr.body = options.body ?? 'This pull request improves the thing.';
  pr.draft = options.draft ?? false;
  pr.state = 'open';
  pr.labels = (options.labels ?? []).map((name, id) => ({
    id,
    node_id: `L${id}`,
    url: '',
    name,
    color: 'ededed',
    default: false,
    description: null,
  }));
  pr.user = { ...pr.user, login: options.author ?? 'octocat' };
  pr.author_association = options.authorAssociation ?? 'MEMBER';
  pr.head = { ...pr.head, sha: options.headSha ?? 'a'.repeat(40), ref: 'feature' };
  pr.base = {
    ...pr.base,
    ref: 'main',
    repo: {
      ...pr.base.repo,
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { ...pr.base.repo.owner, login: owner },
    },
  };
  return pr;
};

export const pullRequestEvent = (
  action: string,
  options: PullRequestOptions & { installationId?: number } = {},
) => {
  const opened = examples
    .find((e) => e.name === 'pull_request')!
    .examples.find((e) => e.action === 'opened')!;
  const pr = pullRequestObject(options);
  const repository = clone(opened.repository) as Record<string, any>;
  repository.name = options.repo ?? 'api';
  repository.full_name = `${options.owner ?? 'acme'}/${repository.name}`;
  repository.owner = { ...repository.owner, login: options.owner ?? 'acme' };
  return {
    action,
    number: pr.number,
    pull_request: pr,
    repository,
    sender: clone(opened.sender),
    installation: {
      id: options.installationId ?? 42,
      node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=',
    },
  };
};

/** One entry of `GET /pulls/{n}/files`. */
export const prFile = (
  filename: string,
  patch: string | undefined,
  extra: Record<string, unknown> = {},
) => {
  const lines = (patch ?? '').split('\n');
  const additions = lines.filter((l) => l.startsWith('+')).length;
  const deletions = lines.filter((l) => l.startsWith('-')).length;
  return {
    sha: 'f'.repeat(40),
    filename,
    status: 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/acme/api/blob/${'a'.repeat(40)}/${filename}`,
    raw_url: `https://github.com/acme/api/raw/${'a'.repeat(40)}/${filename}`,
    contents_url: `https://api.github.com/repos/acme/api/contents/${filename}`,
    ...(patch === undefined ? {} : { patch }),
    ...extra,
  };
};

export interface PushCommitOptions {
  readonly id: string;
  readonly message: string;
  readonly timestamp: string;
  readonly added?: readonly string[];
  readonly modified?: readonly string[];
  readonly removed?: readonly string[];
}

/** A push event to `ref` of acme/api (default branch main), with these commits. */
export const pushEvent = (ref: string, commits: readonly PushCommitOptions[]) => {
  const example = examples
    .find((e) => e.name === 'push')!
    .examples.find((e) => e.ref === 'refs/heads/master')!;
  const template = (example.commits as Array<Record<string, unknown>>)[0]!;
  const repository = clone(example.repository) as Record<string, any>;
  repository.name = 'api';
  repository.full_name = 'acme/api';
  repository.owner = { ...repository.owner, login: 'acme', name: 'acme' };
  repository.default_branch = 'main';
  repository.master_branch = 'main';
  const payloadCommits = commits.map((commit) => ({
    ...clone(template),
    id: commit.id,
    message: commit.message,
    timestamp: commit.timestamp,
    added: commit.added ?? [],
    modified: commit.modified ?? [],
    removed: commit.removed ?? [],
  }));
  return {
    ...clone(example),
    ref,
    before: '0'.repeat(40),
    after: commits.at(-1)?.id ?? '0'.repeat(40),
    commits: payloadCommits,
    head_commit: payloadCommits.at(-1) ?? null,
    repository,
    installation: { id: 42, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=' },
  };
};
