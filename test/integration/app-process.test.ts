/**
 * The app as a newcomer runs it: `node dist/main.js` (what `npm start` runs) as a real process, with
 * GitHub and both model APIs faked on 127.0.0.1, a signed webhook over HTTP, and the `costs` CLI
 * reading the same embedded ledger while the app is still running.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github.js';
import { startFakeModels, type FakeModels } from '../fakes/fake-models.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { freePort } from '../helpers/free-port.js';
import { appNodeFlags } from '../helpers/start-command.js';

const ROOT = join(import.meta.dirname, '../..');
const HEAD = 'b'.repeat(40);
const SECRET = 'process-test-secret';
const OPENAI_KEY = 'sk-test-openai-key-never-logged';
const ANTHROPIC_KEY = 'sk-ant-test-key-never-logged';

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, tries = 200) => {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

beforeAll(() => {
  execFileSync(process.execPath, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(ROOT, 'tsconfig.build.json'),
  ]);
}, 120_000);

describe('the app process (npm start)', () => {
  let github: FakeGitHub;
  let models: FakeModels;
  let app: ChildProcess;
  let output = '';
  let port = 0;
  let dataDir = '';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    github = await startFakeGitHub();
    models = await startFakeModels(
      modelAnswer({
        summary: 'One thing to look at.',
        findings: [finding({ path: 'src/utils/format-date.ts', line: 3, suggestion: null })],
      }),
    );
    github.addPull({
      owner: 'acme',
      repo: 'api',
      number: 7,
      pull: pullRequestObject({ headSha: HEAD }) as FakeGitHubPull,
      files: [
        prFile(
          'src/utils/format-date.ts',
          '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
        ),
        prFile(
          'test/format-date.test.ts',
          "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
        ),
      ],
    });
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'rr-process-'));
    app = spawn(process.execPath, [...appNodeFlags(), join(ROOT, 'dist/main.js')], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'debug',
        HOST: '127.0.0.1',
        PORT: String(port),
        APP_ID: '12345',
        PRIVATE_KEY: pem,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: github.host,
        GHE_PROTOCOL: 'http',
        OPENAI_API_KEY: OPENAI_KEY,
        OPENAI_BASE_URL: models.openaiBaseUrl,
        ANTHROPIC_API_KEY: ANTHROPIC_KEY,
        ANTHROPIC_BASE_URL: models.anthropicBaseUrl,
        DATA_DIR: dataDir,
      },
    });
    app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the app to listen', async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
      } catch {
        return false;
      }
    });
  }, 120_000);

  afterAll(async () => {
    app?.kill('SIGKILL');
    await github?.close();
    await models?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('acknowledges a signed webhook, posts a fast review and records it where the costs CLI reads it', async () => {
    const body = JSON.stringify(pullRequestEvent('opened', { headSha: HEAD }));
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'process-delivery-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    await waitFor('the review', () => github.reviews.length === 1);
    expect(github.reviews[0]?.body).toMatchObject({ event: 'COMMENT', commit_id: HEAD });
    expect(models.calls.map((call) => call.provider)).toEqual(['openai']);
    await waitFor('the completed check run', () => github.checkRunUpdates.length === 1);
    expect(github.checkRunUpdates[0]?.body).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });

    const costs = execFileSync(
      process.execPath,
      [join(ROOT, 'bin/review-router.js'), 'costs', '--format', 'json'],
      {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    const [row] = JSON.parse(costs) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({
      deliveryId: 'process-delivery-1',
      repo: 'acme/api',
      tier: 'fast',
      outcome: 'posted',
    });
    expect(row?.costUsd).toBeGreaterThan(0);
  }, 30_000);

  it('rejects a webhook with a wrong signature', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'forged',
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      },
      body: JSON.stringify(pullRequestEvent('opened', { headSha: HEAD })),
    });
    expect(response.status).toBe(400);
  });

  it('never writes a secret to its logs', () => {
    expect(output).toContain('review-router started');
    for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, SECRET, pem.split('\n')[1]!])
      expect(output).not.toContain(secret);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      app.once('exit', (code) => resolve(code)),
    );
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

type FakeGitHubPull = Record<string, unknown> & { head: { sha: string } };

/** `node dist/main.js` in a fresh directory with only these variables; its exit code and output. */
const startWith = (vars: Record<string, string>, cwd: string) => {
  const child = spawn(process.execPath, [...appNodeFlags(), join(ROOT, 'dist/main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...vars },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
};

describe('start-up settings (npm start)', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  let dir = '';
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rr-startup-'));
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'a non-numeric APP_ID',
      { APP_ID: 'abc', PRIVATE_KEY: 'x', WEBHOOK_SECRET: 's' },
      /^APP_ID: expected the GitHub App's numeric id.*To resolve/m,
    ],
    [
      'an unreadable PRIVATE_KEY_PATH',
      { APP_ID: '1', PRIVATE_KEY_PATH: 'missing.pem', WEBHOOK_SECRET: 's' },
      /^PRIVATE_KEY_PATH: cannot read the private key at .*missing\.pem \(ENOENT\)\. To resolve/m,
    ],
    [
      'a key that does not parse',
      {
        APP_ID: '1',
        PRIVATE_KEY: '"-----BEGIN RSA PRIVATE KEY-----\\nbm9wZQ==\\n-----END RSA PRIVATE KEY-----"',
        WEBHOOK_SECRET: 's',
      },
      /^PRIVATE_KEY is not a PEM private key .*To resolve/m,
    ],
    [
      'no webhook secret',
      { APP_ID: '1', PRIVATE_KEY_PATH: 'app.pem' },
      /^WEBHOOK_SECRET is not set\. To resolve/m,
    ],
    [
      'a Vertex AI project without its region',
      {
        APP_ID: '1',
        PRIVATE_KEY: pem,
        WEBHOOK_SECRET: 's',
        ANTHROPIC_VERTEX_PROJECT_ID: 'acme-reviews',
      },
      /^The vertex provider needs CLOUD_ML_REGION and ANTHROPIC_VERTEX_PROJECT_ID, and CLOUD_ML_REGION is not set\. To resolve/m,
    ],
    [
      'a PORT that is not a number',
      { PORT: 'abc' },
      /^PORT: expected a port number from 1 to 65535\. To resolve/m,
    ],
    [
      'a ROLE other than all, web or worker',
      { ROLE: 'intake' },
      /^ROLE: expected all \(the default\), web or worker\. To resolve, fix ROLE/m,
    ],
    [
      'ROLE=web without REDIS_URL',
      {
        ROLE: 'web',
        APP_ID: '1',
        PRIVATE_KEY: 'x',
        WEBHOOK_SECRET: 's',
        DATABASE_URL: 'postgres://127.0.0.1/rr',
      },
      /^ROLE=web needs REDIS_URL and DATABASE_URL, and REDIS_URL is not set.*To resolve, set REDIS_URL and DATABASE_URL/m,
    ],
    [
      'ROLE=worker without DATABASE_URL',
      { ROLE: 'worker', APP_ID: '1', PRIVATE_KEY: 'x', REDIS_URL: 'redis://127.0.0.1:6379' },
      /^ROLE=worker needs REDIS_URL and DATABASE_URL, and DATABASE_URL is not set.*To resolve/m,
    ],
    [
      'NODE_ENV=production without any GitHub credential',
      { NODE_ENV: 'production' },
      /^No GitHub App credential is set, and NODE_ENV=production.*To resolve, set APP_ID/m,
    ],
    [
      'an OPENAI_BASE_URL that is not a URL',
      { APP_ID: '1', PRIVATE_KEY: pem, WEBHOOK_SECRET: 's', OPENAI_BASE_URL: 'notaurl' },
      /^OPENAI_BASE_URL is not an http\(s\) URL: notaurl\. To resolve/m,
    ],
    [
      'ROLE=worker without any GitHub credential',
      {
        ROLE: 'worker',
        REDIS_URL: 'redis://127.0.0.1:6379',
        DATABASE_URL: 'postgres://127.0.0.1/rr',
      },
      /^ROLE=worker needs the GitHub App's credentials.*To resolve/m,
    ],
  ])(
    'exits non-zero on %s, naming the variable, and never serves the setup page',
    async (_case, vars, message) => {
      const app = startWith(vars, dir);
      child = app.child;
      expect(await app.exited).toBe(1);
      expect(app.output()).toMatch(message);
      expect(app.output()).not.toContain('Welcome to Probot');
    },
  );

  it('exits non-zero on a PORT another process holds, and on a DATA_DIR that is a file, in one line each', async () => {
    const busy = createNetServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const address = busy.address();
    const taken = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const credentials = { APP_ID: '1', PRIVATE_KEY: pem, WEBHOOK_SECRET: 's' };
      const onBusyPort = startWith({ ...credentials, PORT: String(taken) }, dir);
      child = onBusyPort.child;
      expect(await onBusyPort.exited).toBe(1);
      expect(onBusyPort.output()).toMatch(
        new RegExp(
          `^PORT: cannot listen on every address:${taken} \\(EADDRINUSE\\)\\. To resolve`,
          'm',
        ),
      );
      expect(onBusyPort.output()).not.toMatch(/^\s+at /m);

      writeFileSync(join(dir, 'not-a-folder'), '');
      const onFile = startWith(
        { ...credentials, PORT: String(await freePort()), DATA_DIR: 'not-a-folder' },
        dir,
      );
      child = onFile.child;
      expect(await onFile.exited).toBe(1);
      expect(onFile.output()).toMatch(
        /^cannot open the ledger database .*not-a-folder.*To resolve, make sure DATA_DIR is a writable directory\.$/m,
      );
      expect(onFile.output()).not.toMatch(/^\s+at /m);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it('exits non-zero, naming WEBHOOK_PROXY_URL, when the webhook proxy cannot be reached', async () => {
    const closed = await freePort();
    const app = startWith(
      {
        APP_ID: '1',
        PRIVATE_KEY: pem,
        WEBHOOK_SECRET: 's',
        PORT: String(await freePort()),
        WEBHOOK_PROXY_URL: `http://127.0.0.1:${closed}/channel`,
      },
      dir,
    );
    child = app.child;
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(
      new RegExp(
        `^WEBHOOK_PROXY_URL: cannot connect to the webhook proxy at http://127\\.0\\.0\\.1:${closed}/channel .*To resolve`,
        'm',
      ),
    );
  });

  it('exits non-zero when DATABASE_URL cannot be reached, naming the host and what to check', async () => {
    const port = await freePort();
    const app = startWith(
      {
        APP_ID: '1',
        PRIVATE_KEY: pem,
        WEBHOOK_SECRET: 's',
        DATABASE_URL: `postgres://rr:pw-never-shown@127.0.0.1:${port}/ledger`,
      },
      dir,
    );
    child = app.child;
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(
      new RegExp(
        `^DATABASE_URL: cannot use Postgres at 127\\.0\\.0\\.1:${port}/ledger .*To resolve, check that Postgres is running`,
        'm',
      ),
    );
    expect(app.output()).not.toContain('pw-never-shown');
  });

  it('starts with a key pasted in .env with quotes and literal \\n, and stops on SIGINT', async () => {
    const port = await freePort();
    const quoted = `"${pem.trim().replace(/\n/g, '\\n')}"`;
    writeFileSync(
      join(dir, '.env'),
      `APP_ID=4242\nPRIVATE_KEY=${quoted}\nWEBHOOK_SECRET=s\nDATA_DIR=./ledger-from-dotenv\n`,
    );
    const app = startWith({ HOST: '127.0.0.1', PORT: String(port) }, dir);
    child = app.child;
    await waitFor('the app to listen', async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
      } catch {
        return false;
      }
    });
    expect(existsSync(join(dir, 'ledger-from-dotenv', 'ledger.sqlite'))).toBe(true);
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('shutting down');
  }, 30_000);

  it('serves the setup page when no GitHub credential is set', async () => {
    const port = await freePort();
    const app = startWith({ HOST: '127.0.0.1', PORT: String(port), NO_SMEE_SETUP: 'true' }, dir);
    child = app.child;
    let page = '';
    await waitFor('the setup page', async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/probot`);
        page = await response.text();
        return response.ok;
      } catch {
        return false;
      }
    });
    expect(page).toContain('Register GitHub App');
  }, 30_000);
});

describe('local development through a webhook proxy (WEBHOOK_PROXY_URL)', () => {
  it('connects to the proxy channel and forwards its deliveries to the webhook route', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'rr-proxy-'));
    // A stand-in for smee.io: one server-sent event carrying a delivery, as smee sends it.
    const body = { zen: 'Keep it logically awesome.', hook_id: 1 };
    const signature = createHmac('sha256', SECRET).update(JSON.stringify(body)).digest('hex');
    const channel = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: ready\ndata: {}\n\n');
      const delivery = {
        'x-github-event': 'ping',
        'x-github-delivery': 'proxied-delivery-1',
        'x-hub-signature-256': `sha256=${signature}`,
        'content-type': 'application/json',
        body,
        query: {},
      };
      res.write(`data: ${JSON.stringify(delivery)}\n\n`);
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    const channelUrl = `http://127.0.0.1:${(channel.address() as { port: number }).port}/rr-channel`;
    const port = await freePort();
    const app = startWith(
      {
        APP_ID: '1',
        PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
        WEBHOOK_SECRET: SECRET,
        HOST: '127.0.0.1',
        PORT: String(port),
        WEBHOOK_PROXY_URL: channelUrl,
        LOG_LEVEL: 'debug',
      },
      dir,
    );
    try {
      await waitFor('the proxied delivery', () =>
        /"msg":"POST [^"]*\/api\/github\/webhooks[^"]* 200 /.test(app.output()),
      );
      expect(app.output()).toContain(
        `Forwarding ${channelUrl} to http://127.0.0.1:${port}/api/github/webhooks`,
      );
    } finally {
      app.child.kill('SIGKILL');
      channel.closeAllConnections();
      channel.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
