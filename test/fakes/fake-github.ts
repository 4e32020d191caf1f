/**
 * A fake GitHub API on 127.0.0.1 for tests that run the app as a real process (no nock there):
 * serves installation tokens, the policy file, pull requests and their files, and records the
 * check runs and reviews the app writes. Mounted under /api/v3 as GHE_HOST expects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakePull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** The GET /pulls/{n} object. */
  pull: Record<string, unknown> & { head: { sha: string } };
  files: Array<Record<string, unknown>>;
}

export interface FakeGitHub {
  readonly url: string;
  readonly host: string;
  readonly pulls: Map<string, FakePull>;
  readonly policies: Map<string, string>;
  readonly reviews: Array<{ key: string; body: Record<string, unknown>; id: number; url: string }>;
  readonly checkRuns: Array<{ key: string; body: Record<string, unknown> }>;
  readonly checkRunUpdates: Array<{ key: string; id: number; body: Record<string, unknown> }>;
  readonly requests: string[];
  addPull(pull: FakePull): void;
  /** A push: the pull request's head moves to `sha` (key `owner/repo#number`). */
  setHead(key: string, sha: string): void;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

export interface FakeGitHubOptions {
  /** Serves a pull request nobody added, e.g. a fresh one per webhook in a load benchmark. */
  readonly fallbackPull?: (owner: string, repo: string, number: number) => FakePull | undefined;
}

export const startFakeGitHub = async (options: FakeGitHubOptions = {}): Promise<FakeGitHub> => {
  const pulls = new Map<string, FakePull>();
  const policies = new Map<string, string>();
  const reviews: FakeGitHub['reviews'] = [];
  const checkRuns: FakeGitHub['checkRuns'] = [];
  const checkRunUpdates: FakeGitHub['checkRunUpdates'] = [];
  const requests: string[] = [];
  let nextId = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v3/, '');
    requests.push(`${req.method} ${path}`);
    let match: RegExpMatchArray | null;
    if (req.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return json(res, 201, {
        token: 'ghs_faketoken',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {},
      });
    }
    if (
      (match = path.match(/^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/)) &&
      req.method === 'GET'
    ) {
      const text = policies.get(`${match[1]}/${match[2]}:${decodeURIComponent(match[3] ?? '')}`);
      if (text === undefined) return json(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      res.end(text);
      return;
    }
    if ((match = path.match(/^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)(\/files|\/reviews)?$/))) {
      const key = `${match[1]}/${match[2]}#${match[3]}`;
      const pull = pulls.get(key) ?? options.fallbackPull?.(match[1]!, match[2]!, Number(match[3]));
      if (!pull) return json(res, 404, { message: 'Not Found' });
      if (req.method === 'GET' && match[4] === undefined) return json(res, 200, pull.pull);
      if (req.method === 'GET' && match[4] === '/files') {
        const page = Number(url.searchParams.get('page') ?? '1');
        const perPage = Number(url.searchParams.get('per_page') ?? '30');
        return json(res, 200, pull.files.slice((page - 1) * perPage, page * perPage));
      }
      if (req.method === 'GET' && match[4] === '/reviews') {
        // The reviews posted on this pull request, as GitHub lists them.
        return json(
          res,
          200,
          reviews
            .filter((review) => review.key === key)
            .map((review) => ({
              id: review.id,
              commit_id: review.body['commit_id'],
              body: review.body['body'],
              html_url: review.url,
            })),
        );
      }
      if (req.method === 'POST' && match[4] === '/reviews') {
        const body = await readBody(req);
        const id = nextId++;
        const url = `https://github.com/${match[1]}/${match[2]}/pull/${match[3]}#pullrequestreview-${id}`;
        reviews.push({ key, body, id, url });
        return json(res, 200, { id, html_url: url });
      }
    }
    if ((match = path.match(/^\/repos\/([^/]+)\/([^/]+)\/check-runs(?:\/(\d+))?$/))) {
      const key = `${match[1]}/${match[2]}`;
      if (req.method === 'POST') {
        const id = nextId++;
        checkRuns.push({ key, body: await readBody(req) });
        return json(res, 201, { id, status: 'in_progress' });
      }
      if (req.method === 'PATCH') {
        checkRunUpdates.push({ key, id: Number(match[3]), body: await readBody(req) });
        return json(res, 200, { id: Number(match[3]), status: 'completed' });
      }
    }
    json(res, 404, { message: `fake GitHub has no route for ${req.method} ${path}` });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    pulls,
    policies,
    reviews,
    checkRuns,
    checkRunUpdates,
    requests,
    addPull: (pull) => pulls.set(`${pull.owner}/${pull.repo}#${pull.number}`, pull),
    setHead(key, sha) {
      const pull = pulls.get(key);
      if (!pull) throw new Error(`fake GitHub has no pull request ${key}`);
      pull.pull = { ...pull.pull, head: { ...pull.pull.head, sha } };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
