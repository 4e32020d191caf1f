import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGitHub } from './octokit-github.js';

const API = 'https://api.github.com';
const REPO = { owner: 'acme', repo: 'api' } as const;
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

const github = () =>
  createOctokitGitHub(
    new ProbotOctokit({
      auth: { token: 'test' },
      retry: { enabled: false },
      throttle: { enabled: false },
    }),
  );

type Query = { variables: Record<string, string> };

const expressionsOf = (body: Query): string[] =>
  Object.entries(body.variables)
    .filter(([name]) => /^e\d+$/.test(name))
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([, expression]) => expression);

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the GitHub code source', () => {
  it('reads the head and the base asked for together in one query, each answer to its commit', async () => {
    const asked: string[][] = [];
    const scope = nock(API)
      .post('/graphql', (body: Query) => {
        asked.push(expressionsOf(body));
        return true;
      })
      .reply(200, () => ({
        data: {
          repository: Object.fromEntries(
            (asked.at(-1) ?? []).map((expression, index) => [
              `f${index}`,
              { text: `text of ${expression}`, isBinary: false },
            ]),
          ),
        },
      }));
    const port = github();
    const head = port.codeSource?.(REPO, HEAD);
    const base = port.codeSource?.(REPO, BASE);
    const [fromHead, fromBase] = await Promise.all([
      head?.readFiles(['src/b.ts', 'src/a.ts']),
      base?.readFiles(['src/a.ts', '../etc/passwd']),
    ]);

    scope.done();
    expect(asked).toEqual([[`${HEAD}:src/a.ts`, `${HEAD}:src/b.ts`, `${BASE}:src/a.ts`]]);
    expect(Object.fromEntries(fromHead ?? [])).toEqual({
      'src/a.ts': `text of ${HEAD}:src/a.ts`,
      'src/b.ts': `text of ${HEAD}:src/b.ts`,
    });
    expect(Object.fromEntries(fromBase ?? [])).toEqual({ 'src/a.ts': `text of ${BASE}:src/a.ts` });
  });

  it('reads one after another in separate queries, and a failed query fails every read it carried', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: { repository: { f0: { text: 'one', isBinary: false } } } })
      .post('/graphql')
      .reply(502, { message: 'Bad Gateway' });
    const port = github();
    const head = port.codeSource?.(REPO, HEAD);
    const base = port.codeSource?.(REPO, BASE);

    expect(await head?.readFiles(['one.ts'])).toEqual(new Map([['one.ts', 'one']]));
    const failed = await Promise.allSettled([
      head?.readFiles(['two.ts']),
      base?.readFiles(['two.ts']),
    ]);
    scope.done();
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('reads whole, through the REST blob endpoint, a file GraphQL cut short, and never quotes it cut', async () => {
    const whole = `${'x'.repeat(600_000)}\nlast line\n`;
    const scope = nock(API)
      .post('/graphql')
      .reply(200, {
        data: {
          repository: {
            f0: {
              text: 'x'.repeat(512_000),
              isBinary: false,
              isTruncated: true,
              oid: 'big1',
              byteSize: whole.length,
            },
            f1: {
              text: 'y'.repeat(512_000),
              isBinary: false,
              isTruncated: true,
              oid: 'huge',
              byteSize: 9_000_000,
            },
            f2: {
              text: 'z'.repeat(512_000),
              isBinary: false,
              isTruncated: true,
              oid: 'gone',
              byteSize: 600_000,
            },
            f3: { text: 'small', isBinary: false, isTruncated: false, oid: 'small', byteSize: 5 },
          },
        },
      })
      .get('/repos/acme/api/git/blobs/big1')
      .reply(200, {
        sha: 'big1',
        size: whole.length,
        encoding: 'base64',
        content: Buffer.from(whole).toString('base64'),
      })
      .get('/repos/acme/api/git/blobs/gone')
      .reply(404, { message: 'Not Found' });
    const head = github().codeSource?.(REPO, HEAD);

    const texts = await head?.readFiles(['big.ts', 'huge.ts', 'lost.ts', 'small.ts']);

    scope.done();
    expect([...(texts?.keys() ?? [])].sort()).toEqual(['big.ts', 'small.ts']);
    expect(texts?.get('big.ts')).toBe(whole);
  });

  it('keeps the files an answer with errors still carries', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(200, {
        data: {
          repository: { f0: { text: 'one', isBinary: false, isTruncated: false }, f1: null },
        },
        errors: [
          { message: 'Something went wrong while reading two.ts', path: ['repository', 'f1'] },
        ],
      });
    const head = github().codeSource?.(REPO, HEAD);

    const texts = await head?.readFiles(['one.ts', 'two.ts']);

    scope.done();
    expect(texts).toEqual(new Map([['one.ts', 'one']]));
  });
});
