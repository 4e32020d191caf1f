/**
 * Scale-out on the real services: two web processes (`ROLE=web node dist/main.js`: they take the
 * webhooks) and two worker processes (`ROLE=worker`: they run the reviews) share Postgres (the
 * ledger, in a schema of this run's own) and Redis (BullMQ, under a key prefix of this run's own),
 * with GitHub and both model APIs faked on 127.0.0.1. 200 signed webhooks for 100 pull requests,
 * redeliveries and superseding pushes among them, spread across both web processes, end in
 * exactly one review per final head SHA, reviewed by both workers and by no web process; then a
 * worker killed mid-review (`kill -9`) has its job finished by the other. Assertions count reviews
 * and rows, never time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../src/queue/bullmq/bullmq-queue.js';
import { connectIORedis, type RedisConnection } from '../../src/queue/bullmq/connect-ioredis.js';
import { startFakeGitHub, type FakeGitHub, type FakePull } from '../fakes/fake-github.js';
import { startFakeModels, type FakeModels } from '../fakes/fake-models.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { freePort } from '../helpers/free-port.js';
import { appNodeFlags } from '../helpers/start-command.js';

const DATABASE_URL = process.env.DATABASE_URL ?? '';
const REDIS_URL = process.env.REDIS_URL ?? '';
const ROOT = join(import.meta.dirname, '../..');
const RUN = randomBytes(4).toString('hex');
/** This run's own Postgres schema and BullMQ prefix, removed afterwards. */
const SCHEMA = `rr_scale_${RUN}`;
const PREFIX = `rr-scale-${RUN}`;
const SECRET = 'scale-out-secret';
const METRICS_TOKEN = 'scale-out-metrics-token';
const OWNER = 'acme';
const REPO = 'scale';
const PULLS = 100;
const KILLED_PR = 1_000;
const FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
  prFile(
    'test/format-date.test.ts',
    "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
  ),
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shaOf = (pr: number, version: number) =>
  createHash('sha1').update(`${RUN}:${pr}:${version}`).digest('hex');
const keyOf = (pr: number) => `${OWNER}/${REPO}#${pr}`;

/** Polls until `check` holds; fails with `what` after `ms`. */
const waitFor = async (what: string, check: () => boolean | Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
};

/** Runs `tasks` with at most `limit` at once. */
const inPool = async (limit: number, tasks: Array<() => Promise<void>>): Promise<void> => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, lane));
};

/** The database URL with this run's schema as the search_path of every connection. */
const withSchema = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

interface Replica {
  readonly name: string;
  readonly role: 'web' | 'worker';
  readonly port: number;
  readonly process: ChildProcess;
  /** The exit code, or null when a signal ended it. */
  readonly exited: Promise<number | null>;
  /** Its JSON log lines, parsed. */
  readonly logs: Array<Record<string, unknown>>;
}

describe.skipIf(!DATABASE_URL || !REDIS_URL)(
  'two web and two worker processes on Postgres and Redis (set DATABASE_URL and REDIS_URL to run)',
  () => {
    let github: FakeGitHub;
    let models: FakeModels;
    let admin: pg.Client;
    let redis: RedisConnection;
    let queue: Queue;
    let buildDir = '';
    /** Every process: the web ones first, then the workers. */
    const replicas: Replica[] = [];
    const webs = () => replicas.filter((replica) => replica.role === 'web');
    const workers = () => replicas.filter((replica) => replica.role === 'worker');
    const alive = (replica: Replica) =>
      replica.process.exitCode === null && replica.process.signalCode === null;
    const dataDirs: string[] = [];
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

    const startReplica = async (name: string, role: Replica['role']): Promise<Replica> => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), `rr-scale-${name}-`));
      dataDirs.push(dataDir);
      const child = spawn(process.execPath, [...appNodeFlags(), join(buildDir, 'dist/main.js')], {
        cwd: dataDir,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'info',
          HOST: '127.0.0.1',
          PORT: String(port),
          ROLE: role,
          APP_ID: '12345',
          PRIVATE_KEY: pem,
          // A worker verifies no webhook: it starts without the secret.
          ...(role === 'web' ? { WEBHOOK_SECRET: SECRET } : {}),
          METRICS_TOKEN,
          GHE_HOST: github.host,
          GHE_PROTOCOL: 'http',
          OPENAI_API_KEY: 'sk-test-openai',
          OPENAI_BASE_URL: models.openaiBaseUrl,
          ANTHROPIC_API_KEY: 'sk-ant-test',
          ANTHROPIC_BASE_URL: models.anthropicBaseUrl,
          DATA_DIR: dataDir,
          DATABASE_URL: withSchema(DATABASE_URL, SCHEMA),
          REDIS_URL,
          QUEUE_PREFIX: PREFIX,
          REVIEW_CONCURRENCY: '4',
          // A dead replica's BullMQ lock and pull-request lock expire after 2 s, so the kill test
          // ends in seconds. The ledger claim keeps its default lease: the retried job holds the
          // same delivery id, which takes its own running claim back.
          QUEUE_LOCK_MS: '2000',
          // The fake GitHub has no secondary rate limits: no client-side throttling of reviews.
          GITHUB_THROTTLE: 'off',
        },
      });
      const logs: Replica['logs'] = [];
      let pending = '';
      const collect = (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          try {
            logs.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            logs.push({ msg: line });
          }
        }
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => resolve(code)),
      );
      const replica: Replica = { name, role, port, process: child, exited, logs };
      await waitFor(`replica ${name} to listen`, async () => {
        if (child.exitCode !== null)
          throw new Error(`replica ${name} exited: ${JSON.stringify(logs.slice(-5))}`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
        } catch {
          return false;
        }
      });
      return replica;
    };

    const deliver = async (
      replica: Replica,
      delivery: { id: string; action: string; pr: number; headSha: string },
    ): Promise<number> => {
      const body = JSON.stringify(
        pullRequestEvent(delivery.action, {
          owner: OWNER,
          repo: REPO,
          number: delivery.pr,
          headSha: delivery.headSha,
        }),
      );
      const response = await fetch(`http://127.0.0.1:${replica.port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': delivery.id,
          'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    };

    const addPull = (pr: number, headSha: string) => {
      const pull: FakePull = {
        owner: OWNER,
        repo: REPO,
        number: pr,
        pull: pullRequestObject({
          owner: OWNER,
          repo: REPO,
          number: pr,
          headSha,
        }) as FakePull['pull'],
        files: FILES,
      };
      github.addPull(pull);
    };

    /** Reviews posted on the fake GitHub, by `pr@headSha`. */
    const reviewCounts = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const review of github.reviews) {
        const pr = Number(review.key.split('#')[1]);
        const id = `${pr}@${String(review.body.commit_id)}`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };

    const queueIsIdle = async () => {
      const counts = await queue.getJobCounts(
        'active',
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      return Object.values(counts).every((count) => count === 0);
    };

    /** `pr@headSha` for every row of a ledger query returning (pr, head_sha, n). */
    const ledgerCounts = async (sql: string): Promise<Map<string, number>> => {
      const { rows } = await admin.query<{ pr: number; head_sha: string; n: string }>(sql);
      return new Map(rows.map((row) => [`${row.pr}@${row.head_sha}`, Number(row.n)]));
    };

    beforeAll(async () => {
      // A build of our own, so a concurrent `tsc` into dist/ cannot rewrite the files we run. It
      // sits one level below a folder that links prices/, where the app looks for its price table.
      const artifacts = join(ROOT, 'test-artifacts');
      mkdirSync(artifacts, { recursive: true });
      buildDir = mkdtempSync(join(artifacts, 'scale-out-'));
      symlinkSync(join(ROOT, 'prices'), join(buildDir, 'prices'));
      execFileSync(process.execPath, [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        join(buildDir, 'dist'),
      ]);
      admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${SCHEMA}"`);
      await admin.query(`SET search_path TO "${SCHEMA}"`);
      redis = await connectIORedis(REDIS_URL);
      queue = new Queue('reviews', { connection: redis.connection, prefix: PREFIX });
      github = await startFakeGitHub();
      models = await startFakeModels(modelAnswer({ findings: [] }));
      replicas.push(
        ...(await Promise.all([
          startReplica('web-a', 'web'),
          startReplica('web-b', 'web'),
          startReplica('worker-c', 'worker'),
          startReplica('worker-d', 'worker'),
        ])),
      );
    }, 120_000);

    afterAll(async () => {
      for (const replica of replicas) if (alive(replica)) replica.process.kill('SIGTERM');
      await Promise.race([Promise.all(replicas.map((replica) => replica.exited)), sleep(30_000)]);
      for (const replica of replicas) replica.process.kill('SIGKILL');
      if (queue) {
        // Only this run's keys: everything under its prefix.
        const client = await queue.getBackend().client;
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, { MATCH: `${PREFIX}:*`, COUNT: 1000 });
          if (keys.length > 0) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
        await queue.close();
      }
      await redis?.close();
      if (admin) {
        await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
        await admin.end();
      }
      await github?.close();
      await models?.close();
      for (const dir of [...dataDirs, buildDir])
        if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('posts exactly one review per final head SHA for 200 webhooks on 100 pull requests across both web processes', async () => {
      const [a, b] = webs() as [Replica, Replica];
      models.delayMs = 300; // reviews stay in flight while pushes and redeliveries arrive
      const finalSha = new Map<number, string>();
      const reviewedBeforePush = new Set<number>();
      const pushedOver = new Set<number>();
      const statuses: number[] = [];
      let sent = 0;
      const send = async (
        replica: Replica,
        delivery: { id: string; action: string; pr: number; headSha: string },
      ) => {
        sent += 1;
        statuses.push(await deliver(replica, delivery));
      };
      const routed = (deliveryId: string) =>
        replicas.some((replica) =>
          replica.logs.some((line) => line.deliveryId === deliveryId && line.msg === 'routed'),
        );

      /**
       * Pull request i: opened on replica i % 2; every fifth opened delivery redelivered to the
       * same replica, every fifth other one to both replicas at once. One in ten is pushed over
       * while its first review waits in the queue, one in ten while that review is in flight,
       * one in ten once it is posted; each push's delivery goes to the other replica and is
       * redelivered to the first.
       */
      const script = (pr: number) => async () => {
        const i = pr - 1;
        const [mine, other] = i % 2 === 0 ? [a, b] : [b, a];
        const first = shaOf(pr, 1);
        addPull(pr, first);
        finalSha.set(pr, first);
        const opened = { id: `${RUN}-opened-${pr}`, action: 'opened', pr, headSha: first };
        if (i % 5 === 1) {
          await Promise.all([send(mine, opened), send(other, opened)]);
        } else {
          await send(mine, opened);
          if (i % 5 === 0) await send(mine, opened);
        }
        const push = (['queued', 'in flight', 'posted'] as const)[(i % 10) - 2];
        if (push === undefined) return;
        if (push === 'in flight')
          await waitFor(`the review of ${keyOf(pr)} to be routed`, () => routed(opened.id));
        if (push === 'posted') {
          await waitFor(`the review of ${keyOf(pr)} before its push`, () =>
            github.reviews.some((review) => review.body.commit_id === first),
          );
          reviewedBeforePush.add(pr);
        } else {
          pushedOver.add(pr);
        }
        const second = shaOf(pr, 2);
        github.setHead(keyOf(pr), second);
        finalSha.set(pr, second);
        const synchronize = { id: `${RUN}-sync-${pr}`, action: 'synchronize', pr, headSha: second };
        await send(other, synchronize);
        await send(mine, synchronize);
      };

      await inPool(
        16,
        Array.from({ length: PULLS }, (_, i) => script(i + 1)),
      );
      expect(sent).toBe(200);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);

      await waitFor('a review of every final head SHA and an idle queue', async () => {
        const counts = reviewCounts();
        return [...finalSha].every(([pr, sha]) => counts.has(`${pr}@${sha}`)) && queueIsIdle();
      });

      const counts = reviewCounts();
      // No duplicate: no head SHA was reviewed twice.
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
      // No loss: every final head SHA has its review.
      for (const [pr, sha] of finalSha) expect(counts.get(`${pr}@${sha}`), keyOf(pr)).toBe(1);
      // A head reviewed before its push keeps its one review.
      for (const pr of reviewedBeforePush) expect(counts.get(`${pr}@${shaOf(pr, 1)}`)).toBe(1);
      // Any other review is of a head pushed over while queued or in flight whose review posted
      // before the push landed: the no-duplicate check above holds it to one.
      const expected = new Set([
        ...[...finalSha].map(([pr, sha]) => `${pr}@${sha}`),
        ...[...reviewedBeforePush, ...pushedOver].map((pr) => `${pr}@${shaOf(pr, 1)}`),
      ]);
      expect([...counts.keys()].filter((id) => !expected.has(id))).toEqual([]);
      // Both workers took jobs from the shared queue; the web processes reviewed nothing.
      for (const replica of workers())
        expect(replica.logs.filter((line) => line.msg === 'review posted').length).toBeGreaterThan(
          0,
        );
      for (const replica of webs()) {
        expect(
          replica.logs.filter((line) => line.msg === 'review job queued').length,
        ).toBeGreaterThan(0);
        expect(
          replica.logs.filter((line) => line.msg === 'routed' || line.msg === 'review posted'),
        ).toEqual([]);
      }
      expect(github.reviews.every((review) => review.body.event === 'COMMENT')).toBe(true);

      // Every distinct delivery became one BullMQ job, and every job completed. A job that found
      // its pull request's head already moved (the push's webhook still on its way) queued one for
      // the current head, under its own delivery id and `:head-<sha>`: the checks above show it
      // added no review.
      const completed = await queue.getJobs(['completed']);
      const catchUps = completed.filter((job) => job.data.job.deliveryId.includes(':head-'));
      const jobs = await queue.getJobCounts('completed', 'failed');
      expect(jobs).toEqual({ completed: PULLS + 30 + catchUps.length, failed: 0 });

      // The shared ledger agrees: one posted attempt and one posted claim per reviewed head SHA.
      const posted = await ledgerCounts(
        `SELECT pr, head_sha, count(*) AS n FROM review_attempts
         WHERE outcome = 'posted' AND tier = 'fast' GROUP BY pr, head_sha`,
      );
      expect(posted).toEqual(counts);
      const claims = await ledgerCounts(
        `SELECT pr, head_sha, count(*) AS n FROM review_claims
         WHERE state = 'posted' AND tier = 'fast' GROUP BY pr, head_sha`,
      );
      expect(claims).toEqual(counts);
      const { rows: failed } = await admin.query(
        "SELECT delivery_id, error FROM review_attempts WHERE outcome = 'failed'",
      );
      expect(failed).toEqual([]);
    }, 120_000);

    it('finishes on the other worker a review whose worker was killed mid-review', async () => {
      models.delayMs = 3_000; // the model is slow: the review is in flight when the kill comes
      const sha = shaOf(KILLED_PR, 1);
      const deliveryId = `${RUN}-killed-${KILLED_PR}`;
      addPull(KILLED_PR, sha);
      const callsBefore = models.calls.length;

      expect(
        await deliver(webs()[0]!, {
          id: deliveryId,
          action: 'opened',
          pr: KILLED_PR,
          headSha: sha,
        }),
      ).toBe(200);
      await waitFor(
        'the model to receive the review request',
        () => models.calls.length > callsBefore,
      );
      // Whichever worker took the job from the shared queue is the one to kill.
      const workedOn = (replica: Replica) =>
        replica.logs.some((line) => line.deliveryId === deliveryId && line.msg === 'routed');
      const victim = workers().find(workedOn);
      const survivor = workers().find((replica) => replica !== victim);
      if (!victim || !survivor) throw new Error('no worker logged the routing of the job');
      victim.process.kill('SIGKILL');
      await victim.exited;
      expect(github.reviews.some((review) => review.body.commit_id === sha)).toBe(false);

      await waitFor('the review posted by the surviving replica', () =>
        github.reviews.some((review) => review.body.commit_id === sha),
      );
      await waitFor('an idle queue', queueIsIdle);

      expect(github.reviews.filter((review) => review.body.commit_id === sha)).toHaveLength(1);
      expect(
        survivor.logs.some(
          (line) => line.deliveryId === deliveryId && line.msg === 'review posted',
        ),
      ).toBe(true);
      // Asked twice: once by the killed worker, once by the survivor.
      expect(models.calls.length - callsBefore).toBe(2);
      // BullMQ saw the job stall (its lock expired with the killed worker) and completed it.
      const job = await queue.getJob(jobIdFor(deliveryId));
      expect(await job?.getState()).toBe('completed');
      expect(job?.stalledCounter).toBe(1);
      const posted = await ledgerCounts(
        `SELECT pr, head_sha, count(*) AS n FROM review_attempts
         WHERE outcome = 'posted' AND pr = ${KILLED_PR} GROUP BY pr, head_sha`,
      );
      expect(posted).toEqual(new Map([[`${KILLED_PR}@${sha}`, 1]]));
    }, 90_000);

    it('serves webhooks, reports and metrics from a web process, and only /ping and /metrics from a worker', async () => {
      const [web] = webs() as [Replica];
      const worker = workers().find(alive)!;
      const get = (replica: Replica, path: string, init: RequestInit = {}) =>
        fetch(`http://127.0.0.1:${replica.port}${path}`, init);
      const bearer = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };

      for (const replica of [web, worker]) {
        const ping = await get(replica, '/ping');
        expect([replica.role, ping.status, await ping.text()]).toEqual([replica.role, 200, 'PONG']);
        const metrics = await get(replica, '/metrics', bearer);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('review_router_queue_depth');
      }
      expect(
        workers().some((replica) =>
          replica.logs.some(
            (line) => line.msg === 'review-router started' && line.role === 'worker',
          ),
        ),
      ).toBe(true);
      // The worker has no webhook route, no setup page and no report routes.
      for (const [path, init] of [
        ['/api/github/webhooks', { method: 'POST', body: '{}' }],
        ['/probot', {}],
        ['/reports', bearer],
        ['/reports/costs', bearer],
      ] as const) {
        const response = await get(worker, path, init);
        expect([path, response.status]).toEqual([path, 404]);
      }
      // The web process verifies signatures: a forged delivery is refused.
      const forged = await get(web, '/api/github/webhooks', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': `${RUN}-forged`,
          'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        },
        body: '{}',
      });
      expect(forged.status).toBe(400);
    });

    it('stops a web and a worker process on SIGTERM with exit code 0', async () => {
      const stopping = [webs()[1]!, workers().find(alive)!];
      for (const replica of stopping) replica.process.kill('SIGTERM');
      expect(await Promise.all(stopping.map((replica) => replica.exited))).toEqual([0, 0]);
      for (const replica of stopping)
        expect(replica.logs.some((line) => line.msg === 'shutting down')).toBe(true);
    }, 30_000);
  },
);
