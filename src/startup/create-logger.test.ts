import { generateKeyPairSync } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { Probot, Server } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { TransientError } from '../domain/errors.js';
import { createLogger, omitQueryStrings } from './create-logger.js';
import { freePort } from '../../test/helpers/free-port.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

interface Running {
  readonly origin: string;
  readonly lines: () => Record<string, unknown>[];
  readonly text: () => string;
  stop(): Promise<void>;
}

/** A Probot server as `npm start` runs it, logging JSON through createLogger into memory. */
const startServer = async (): Promise<Running> => {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const log = await createLogger({ format: 'json', destination: output });
  const port = await freePort();
  const server = new Server({
    host: '127.0.0.1',
    port,
    log,
    Probot: Probot.defaults({ appId: 1, privateKey: PEM, secret: 'the-secret', log }),
  });
  await server.load((app, { addHandler }) => {
    app.on('pull_request', () => undefined);
    addHandler((req, res) => {
      if (!req.url?.startsWith('/reports')) return false;
      res.writeHead(200).end('ok');
      return true;
    });
  });
  await server.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  return {
    origin: `http://127.0.0.1:${port}`,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => text,
    stop: async () => {
      await settle();
      await server.stop();
    },
  };
};

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The keys of a JSON object's text at its top level, repeats included (JSON.parse keeps one). */
const topLevelKeys = (text: string): string[] => {
  const keys: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (start >= 0) {
      if (char === '\\') i += 1;
      else if (char === '"') {
        if (depth === 1 && text[i + 1] === ':') keys.push(text.slice(start + 1, i));
        start = -1;
      }
    } else if (char === '"') start = i;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
  }
  return keys;
};

describe('createLogger with a Probot server', () => {
  it('logs a badly signed webhook once, as a warning with its delivery id and without the payload', async () => {
    running = await startServer();
    const payload = JSON.stringify({
      action: 'opened',
      pull_request: { title: 'PAYLOAD-MARKER', body: 'x'.repeat(2_000) },
    });
    const response = await fetch(`${running.origin}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'delivery-with-bad-signature',
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      },
      body: payload,
    });
    expect(response.status).toBe(400);
    await running.stop();
    const warnings = running.lines().filter((line) => Number(line.level) >= 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 40,
        deliveryId: 'delivery-with-bad-signature',
        event: 'pull_request',
        msg: 'webhook rejected: its signature does not match WEBHOOK_SECRET',
      }),
    ]);
    expect(running.text()).not.toContain('PAYLOAD-MARKER');
    expect(running.text()).not.toContain('sha256=0000');
    running = undefined;
  });

  it("never logs a report link's query string or the bearer token", async () => {
    running = await startServer();
    const response = await fetch(
      `${running.origin}/reports?expires=1999999999&sig=SIGNATURE-MARKER`,
      {
        headers: { authorization: 'Bearer TOKEN-MARKER' },
      },
    );
    expect(response.status).toBe(200);
    await running.stop();
    const access = running.lines().find((line) => String(line.msg).startsWith('GET /reports'));
    expect(access?.msg).toMatch(/^GET \/reports\?\[omitted\] 200 - \d+ms$/);
    expect(running.text()).not.toContain('SIGNATURE-MARKER');
    expect(running.text()).not.toContain('TOKEN-MARKER');
    running = undefined;
  });

  it('writes each key once per line, so that a strict JSON reader takes every line', async () => {
    running = await startServer();
    await fetch(`${running.origin}/reports`);
    await running.stop();
    const lines = running.text().trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const keys = topLevelKeys(line);
      expect(keys.filter((key, i) => keys.indexOf(key) !== i), line).toEqual([]);
    }
    running = undefined;
  });

  it('keeps the stack and the cause of an error logged as { err }', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const log = await createLogger({ format: 'json', destination: output });
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    log.error({ err: new Error('cannot record the review', { cause }) }, 'ledger write failed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = JSON.parse(text.trim()) as { err: { message: string; stack: string } };
    expect(line.err.stack).toContain('create-logger.test.ts');
    expect(line.err.stack).toContain('ECONNREFUSED');
  });
});

describe('an error logged as { err }', () => {
  const FILE_TEXT = 'const password = "Sup3rS3cretPw9xQ";';
  const REVIEW_BODY = 'the whole review, with its comments';

  it('keeps what went wrong and drops the data the error carries, at any depth', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const log = await createLogger({ format: 'json', destination: output });
    // The shapes of @octokit/graphql's GraphqlResponseError and @octokit/request-error's RequestError.
    const graphql = Object.assign(
      new Error('Request failed due to following response errors:\n - timeout'),
      {
        name: 'GraphqlResponseError',
        request: { method: 'POST', url: 'https://api.github.com/graphql', query: 'query { x }' },
        headers: { 'x-github-request-id': 'AB12' },
        response: {
          data: { repository: { f0: { text: FILE_TEXT } } },
          errors: [{ message: 'timeout' }],
        },
        data: { repository: { f0: { text: FILE_TEXT } } },
        errors: [{ message: 'timeout' }],
      },
    );
    const request = Object.assign(new Error('Server Error'), {
      name: 'HttpError',
      status: 500,
      request: {
        method: 'POST',
        url: 'https://api.github.com/repos/acme/api/pulls/7/reviews',
        body: REVIEW_BODY,
        headers: { authorization: 'token ghs_x' },
      },
      response: { status: 500, url: 'https://api.github.com/', data: { message: REVIEW_BODY } },
    });
    log.warn({ err: graphql }, 'code context could not be read');
    log.error(
      { err: new TransientError('cannot post the review', { cause: request }) },
      'job failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(text).not.toContain('Sup3rS3cretPw9xQ');
    expect(text).not.toContain(REVIEW_BODY);
    expect(text).not.toContain('ghs_x');
    const [first, second] = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { err: Record<string, any> });
    expect(first?.err).toMatchObject({
      name: 'GraphqlResponseError',
      message: expect.stringContaining('timeout'),
      request: { method: 'POST', url: 'https://api.github.com/graphql' },
    });
    expect(second?.err.context.cause).not.toHaveProperty('response');
    expect(second?.err.context.cause).toMatchObject({
      status: 500,
      request: { method: 'POST', url: 'https://api.github.com/repos/acme/api/pulls/7/reviews' },
    });
    expect(second?.err.stack).toContain('Server Error');
  });
});

describe('omitQueryStrings', () => {
  it.each([
    ['GET /reports?sig=abc&expires=1 200 - 3ms', 'GET /reports?[omitted] 200 - 3ms'],
    ['GET /reports/costs 200 - 1ms', 'GET /reports/costs 200 - 1ms'],
    ['see "/reports?sig=x"', 'see "/reports?[omitted]"'],
    ['/ping', '/ping'],
  ])('turns %j into %j', (input, output) => {
    expect(omitQueryStrings(input)).toBe(output);
  });
});
