/**
 * `npm run bench:webhooks`: how fast the app acknowledges webhooks, next to a bare Probot app that
 * does nothing, in the same run, so the figure is a ratio rather than a property of this machine.
 *
 * Every target runs as its own processes with the same Probot, secret and log settings: (a) a
 * Probot app whose `pull_request` handler is empty; (b) `dist/main.js` started as `npm start`
 * starts it (with its Node flags), with ROLE=all, the
 * embedded SQLite ledger and queue, reviewing in the process that takes the webhooks; (c) the
 * same build with ROLE=web taking the webhooks and a ROLE=worker process beside it running the
 * reviews, sharing Postgres (DATABASE_URL, a schema of its own per start) and Redis (REDIS_URL,
 * a key prefix of its own per start), both removed afterwards. (c) runs only when DATABASE_URL and
 * REDIS_URL are set. GitHub and the model APIs are faked in another process, so the queued reviews
 * run (and compete for the CPU) while the load goes on. Each target gets signed
 * `pull_request.opened` deliveries, every one with its own delivery id, pull request number and
 * head SHA, at a fixed rate: a warm-up, then the measured run.
 *
 * autocannon meters a rate per connection and per second, sending each second's requests
 * back to back; so the load is `rate` single-connection autocannon instances started 1/rate s
 * apart, each sending one delivery a second: an even rate. Latencies are autocannon's per-request
 * response times (in fractions of a millisecond; its own histogram rounds to whole ones). Each row
 * also gives the CPU time the process taking the webhooks spent per delivery during the measured
 * load (user and system, from /proc).
 *
 * GitHub throttling is off by default (`--github-throttle off`), so the workers review as fast as
 * the fake APIs answer: the most CPU the reviews can take from intake. `--github-throttle on`
 * spaces reviews as against github.com (one every 3 s).
 *
 * The targets take turns for `--rounds` rounds, each start on an empty data directory (and an
 * empty schema and prefix), and each target's figures pool its rounds, so a slow spell on a shared
 * machine does not land on one alone.
 *
 * `--targets all,web` picks the review-router targets (the bare app always runs). With
 * `--without-worker` the web role runs alone and the reviews it queues wait in Redis: its own cost,
 * without the CPU a worker, Postgres and Redis take on the same machine.
 *
 * `--compare-build DIR` adds, for each review-router target, the same target run from another
 * build (DIR/dist/main.js, e.g. an earlier commit's, built there), taking turns with the others:
 * two versions compared in one run, under the same load on the machine, both started with this
 * checkout's `npm start` flags. `--compare-node-flags "FLAGS"` adds them run from this build with
 * other Node flags instead (`""` for none: V8's defaults).
 *
 * `--floors` adds, as context rather than targets, the bare app storing each delivery before it
 * answers (`bench/floor-probot-app.ts`): one SQLite commit, and one Redis command with REDIS_URL.
 * Their ratios are what the storage alone costs an acknowledgement on this machine, the least any
 * durable intake pays.
 *
 * `--cpu-prof DIR` writes a V8 CPU profile of the process that takes the webhooks per round into
 * DIR, and of the web role's worker into DIR/worker (they are stopped with SIGTERM then, so they
 * can write them), to find what holds the event loop and what a review costs.
 *
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench:webhooks -- [--rate 100]
 *     [--duration 20] [--warmup 5] [--rounds 5] [--model-delay-ms 1000] [--github-throttle off|on]
 *     [--cpu-prof DIR] [--targets all,web] [--without-worker] [--compare-build DIR]
 *     [--compare-node-flags FLAGS] [--floors]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort } from '../test/helpers/free-port.js';
import { pullRequestEvent } from '../test/helpers/github-payloads.js';
import { appNodeFlags } from '../test/helpers/start-command.js';
import { ensureBuiltApp } from './ensure-built-app.js';
import { BENCH_OWNER, BENCH_REPO, benchHeadSha } from './bench-pull.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    'model-delay-ms': { type: 'string', default: '1000' },
    'github-throttle': { type: 'string', default: 'off' },
    'cpu-prof': { type: 'string' },
    targets: { type: 'string', default: 'all,web' },
    'without-worker': { type: 'boolean', default: false },
    'compare-build': { type: 'string' },
    'compare-node-flags': { type: 'string' },
    floors: { type: 'boolean', default: false },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const rounds = Math.max(1, Number(values.rounds));
const modelDelayMs = Number(values['model-delay-ms']);
const githubThrottle = values['github-throttle'] === 'on' ? 'on' : 'off';
const cpuProfDir = values['cpu-prof'];
const chosen = new Set(values.targets.split(','));
const withoutWorker = values['without-worker'];
const compareBuild = values['compare-build'];
const floors = values.floors;
const compareNodeFlags = values['compare-node-flags']?.split(/\s+/).filter((flag) => flag !== '');
const ROOT = join(import.meta.dirname, '..');
const TS_IMPORTS = pathToFileURL(join(ROOT, 'scripts/typescript-hooks.mjs')).href;
const SECRET = 'bench-webhook-secret';
const DATABASE_URL = process.env.DATABASE_URL ?? '';
const REDIS_URL = process.env.REDIS_URL ?? '';
const RUN = randomBytes(4).toString('hex');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const main = ensureBuiltApp(ROOT);

const stopChild = async (
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
};

// --- the fake GitHub and model APIs ------------------------------------------------------------

const services = spawn(
  process.execPath,
  ['--import', TS_IMPORTS, join(ROOT, 'bench/fake-services.ts'), String(modelDelayMs)],
  { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
);
const serviceLines = createInterface({ input: services.stdout })[Symbol.asyncIterator]();
const nextServiceLine = async (): Promise<string> => {
  const line = await serviceLines.next();
  if (line.done) throw new Error('the fake services stopped');
  return line.value;
};
const fakes = JSON.parse(await nextServiceLine()) as {
  githubHost: string;
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
};
const serviceStats = async (): Promise<{ reviews: number; modelCalls: number }> => {
  services.stdin.write('stats\n');
  return JSON.parse(await nextServiceLine()) as { reviews: number; modelCalls: number };
};

// --- the targets -------------------------------------------------------------------------------

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const dataRoot = mkdtempSync(join(tmpdir(), 'rr-bench-webhooks-'));
let starts = 0;

interface Running {
  readonly port: number;
  /** The process that takes the webhooks. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}
interface Target {
  readonly name: string;
  /** The figure review-router's row is held to, as a ratio of the bare app's p99. */
  readonly target?: number;
  start(): Promise<Running>;
}

const probotEnv = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  LOG_FORMAT: 'json',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  APP_ID: '12345',
  PRIVATE_KEY: pem,
  WEBHOOK_SECRET: SECRET,
  GHE_HOST: fakes.githubHost,
  GHE_PROTOCOL: 'http',
};
const reviewEnv = {
  OPENAI_API_KEY: 'sk-bench',
  OPENAI_BASE_URL: fakes.openaiBaseUrl,
  ANTHROPIC_API_KEY: 'sk-ant-bench',
  ANTHROPIC_BASE_URL: fakes.anthropicBaseUrl,
  GITHUB_THROTTLE: githubThrottle,
};
const profiled = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
/** A worker's profiles go to DIR/worker, apart from the web process's. */
const workerProfiled = cpuProfDir
  ? ['--cpu-prof', '--cpu-prof-dir', join(cpuProfDir, 'worker')]
  : [];

/** Starts one process on a free port in an empty data directory; resolves once /ping answers. */
const spawnListening = async (
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> => {
  const port = await freePort();
  const dataDir = join(dataRoot, String(starts++));
  mkdirSync(dataDir);
  // Logs go where a container's would, to stdout; here that is /dev/null, for every target.
  const child = spawn(process.execPath, args, {
    cwd: dataDir,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start-up`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ping`)).ok) return { port, child };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${name} did not start listening`);
};

/** SIGTERM lets review-router exit on its own, which writes its --cpu-prof profile. */
const stopSignal = cpuProfDir ? 'SIGTERM' : 'SIGKILL';

/** The database URL with `schema` as the search_path of every connection. */
const withSchema = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** Deletes every Redis key a start wrote under its own prefix. */
const clearRedisPrefix = async (prefix: string): Promise<void> => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
};

/** ROLE=web with a ROLE=worker beside it, on a schema and a Redis prefix of their own. */
const startWebAndWorker = (build: string, nodeFlags: string[]) => async (): Promise<Running> => {
  const schema = `rr_bench_${RUN}_${starts}`;
  const prefix = `rr-bench-${RUN}-${starts}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const shared = {
    DATABASE_URL: withSchema(DATABASE_URL, schema),
    REDIS_URL,
    QUEUE_PREFIX: prefix,
  };
  // A worker verifies no webhook: it runs without the secret.
  const workerEnv = Object.fromEntries(
    Object.entries(probotEnv).filter(([name]) => name !== 'WEBHOOK_SECRET'),
  );
  let worker: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (web) await stopChild(web, stopSignal);
    if (worker) await stopChild(worker, stopSignal);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    await clearRedisPrefix(prefix);
  };
  try {
    if (!withoutWorker)
      worker = (
        await spawnListening('the worker', [...workerProfiled, ...nodeFlags, build], {
          ...workerEnv,
          ...reviewEnv,
          ...shared,
          ROLE: 'worker',
        })
      ).child;
    const started = await spawnListening('the web process', [...profiled, ...nodeFlags, build], {
      ...probotEnv,
      ...shared,
      ROLE: 'web',
    });
    web = started.child;
    return { port: started.port, pid: started.child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

const startOne =
  (name: string, args: string[], env: Record<string, string>, signal: NodeJS.Signals) =>
  async (): Promise<Running> => {
    const { port, child } = await spawnListening(name, args, env);
    return { port, pid: child.pid, stop: () => stopChild(child, signal) };
  };

/** The review-router targets run from one build; `label` tells a compared build's apart. */
const routerTargets = (build: string, label: string, nodeFlags = appNodeFlags()): Target[] => [
  ...(chosen.has('all')
    ? [
        {
          name: `review-router ROLE=all${label}`,
          target: 1.5,
          start: startOne(
            'review-router ROLE=all',
            [...profiled, ...nodeFlags, build],
            { ...probotEnv, ...reviewEnv, ROLE: 'all' },
            stopSignal,
          ),
        },
      ]
    : []),
  ...(DATABASE_URL && REDIS_URL && chosen.has('web')
    ? [
        {
          name: `review-router ROLE=web ${withoutWorker ? '(no worker)' : '+ worker'}${label}`,
          target: 1.2,
          start: startWebAndWorker(build, nodeFlags),
        },
      ]
    : []),
];

/** The bare app storing each delivery before it answers: SQLite, and Redis when it is set. */
const floorTargets = (): Target[] => [
  {
    name: 'floor: bare + SQLite commit',
    start: startOne(
      'the SQLite floor',
      [join(ROOT, 'bench/floor-probot-app.ts')],
      { ...probotEnv, FLOOR: 'sqlite' },
      'SIGKILL',
    ),
  },
  ...(REDIS_URL
    ? [
        {
          name: 'floor: bare + Redis command',
          start: async (): Promise<Running> => {
            const prefix = `rr-bench-${RUN}-${starts}`;
            const running = await startOne(
              'the Redis floor',
              [join(ROOT, 'bench/floor-probot-app.ts')],
              { ...probotEnv, FLOOR: 'redis', REDIS_URL, QUEUE_PREFIX: prefix },
              'SIGKILL',
            )();
            return {
              ...running,
              stop: async () => {
                await running.stop();
                await clearRedisPrefix(prefix);
              },
            };
          },
        },
      ]
    : []),
];

const targets: Target[] = [
  {
    name: 'bare Probot app',
    start: startOne(
      'bare Probot app',
      [join(ROOT, 'bench/bare-probot-app.ts')],
      probotEnv,
      'SIGKILL',
    ),
  },
  ...(floors ? floorTargets() : []),
  ...routerTargets(main, ''),
  ...(compareBuild ? routerTargets(join(compareBuild, 'dist/main.js'), ` [${compareBuild}]`) : []),
  ...(compareNodeFlags
    ? routerTargets(main, ` [node ${compareNodeFlags.join(' ') || 'defaults'}]`, compareNodeFlags)
    : []),
];
if (!DATABASE_URL || !REDIS_URL)
  console.log(
    'DATABASE_URL or REDIS_URL is not set: the web role (ROLE=web with a ROLE=worker beside it) is not measured.',
  );

// --- the load ----------------------------------------------------------------------------------

const template = pullRequestEvent('opened', { owner: BENCH_OWNER, repo: BENCH_REPO });
let nextPr = 1;

/** A new signed pull_request.opened delivery: its own delivery id, PR number and head SHA. */
const signedDelivery = (request: AutocannonRequest): AutocannonRequest => {
  const pr = nextPr++;
  const payload = {
    ...template,
    number: pr,
    pull_request: {
      ...template.pull_request,
      number: pr,
      head: { ...template.pull_request.head, sha: benchHeadSha(pr) },
    },
  };
  const body = JSON.stringify(payload);
  return {
    ...request,
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': `bench-${process.pid}-${pr}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  };
};

interface LoadResult {
  readonly sent: number;
  readonly acked: number;
  /** From the first delivery sent to the last one answered. */
  readonly seconds: number;
  /** Response times of the acknowledged deliveries, ms, sorted. */
  readonly latencies: number[];
  readonly errors: number;
  readonly non2xx: number;
}

const load = async (port: number, seconds: number): Promise<LoadResult> => {
  const latencies: number[] = [];
  let non2xx = 0;
  let lastResponseAt = 0;
  const instances = [];
  const started = performance.now();
  for (let i = 0; i < rate; i++) {
    const instance = autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 1,
      overallRate: 1,
      amount: seconds,
      timeout: 10,
      requests: [{ method: 'POST', path: '/api/github/webhooks', setupRequest: signedDelivery }],
    });
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      lastResponseAt = performance.now();
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
      else non2xx += 1;
    });
    instances.push(instance);
    await sleep(1_000 / rate);
  }
  const results = await Promise.all(instances);
  // From the first delivery sent to the last one answered (autocannon ends a little later).
  const elapsed = (lastResponseAt - started) / 1_000;
  latencies.sort((x, y) => x - y);
  return {
    sent: rate * seconds,
    acked: latencies.length,
    seconds: elapsed,
    latencies,
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
    non2xx,
  };
};

/**
 * CPU time (user and system) a process has used so far, from /proc (Linux; NaN elsewhere): how much
 * each delivery costs the process that takes it, a figure the machine's other load moves far less
 * than latency.
 */
const cpuMs = (pid: number | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
};
/** USER_HZ, 100 on every Linux platform Node supports. */
const CLOCK_TICKS_PER_S = 100;

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

// --- the run -----------------------------------------------------------------------------------

const merge = (a: LoadResult, b: LoadResult): LoadResult => ({
  sent: a.sent + b.sent,
  acked: a.acked + b.acked,
  seconds: a.seconds + b.seconds,
  latencies: [...a.latencies, ...b.latencies].sort((x, y) => x - y),
  errors: a.errors + b.errors,
  non2xx: a.non2xx + b.non2xx,
});

console.log(
  `${rate} deliveries/s for ${duration} s (after ${warmup} s of warm-up) against each target, ` +
    `${rounds} round(s) taking turns; model answers after ${modelDelayMs} ms, GitHub throttling ` +
    `${githubThrottle}; ${cpus().length} CPUs, Node ${process.version}`,
);
const rows = targets.map((target) => ({
  name: target.name,
  result: null as LoadResult | null,
  reviews: 0,
  cpuMs: 0,
  p99s: [] as number[],
  target: target.target,
}));
try {
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const row = rows[index]!;
      const running = await target.start();
      const { port } = running;
      try {
        await load(port, warmup);
        const before = await serviceStats();
        const cpuBefore = cpuMs(running.pid);
        const result = await load(port, duration);
        const after = await serviceStats();
        row.cpuMs += cpuMs(running.pid) - cpuBefore;
        row.result = row.result ? merge(row.result, result) : result;
        row.reviews += after.reviews - before.reviews;
        row.p99s.push(percentile(result.latencies, 99));
      } finally {
        await running.stop();
      }
    }
  }
} finally {
  await stopChild(services);
  rmSync(dataRoot, { recursive: true, force: true });
}

const ms = (value: number) => value.toFixed(2);
const table = [
  [
    'target',
    'sent',
    'acked/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'non-2xx',
    'reviews',
    'CPU ms/delivery',
  ],
  ...rows.flatMap(({ name, result, reviews, cpuMs: used }) =>
    result
      ? [
          [
            name,
            String(result.sent),
            (result.acked / result.seconds).toFixed(1),
            ms(percentile(result.latencies, 50)),
            ms(percentile(result.latencies, 99)),
            ms(result.latencies.at(-1) ?? Number.NaN),
            String(result.errors),
            String(result.non2xx),
            String(reviews),
            (used / result.acked).toFixed(3),
          ],
        ]
      : [],
  ),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
for (const row of table) {
  const cells = row.map((cell, column) =>
    column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
  );
  console.log(cells.join('  '));
}

const [bare, ...routers] = rows;
console.log('');
for (const real of routers) {
  if (!bare?.result || !real.result) continue;
  const ratio = percentile(real.result.latencies, 99) / percentile(bare.result.latencies, 99);
  if (real.target === undefined) {
    console.log(
      `p99 ${real.name} / bare Probot: ${ratio.toFixed(3)}x over all rounds (no target: what storing a delivery alone costs)`,
    );
    continue;
  }
  const clean = real.result.errors + real.result.non2xx + bare.result.errors + bare.result.non2xx;
  const perRound = real.p99s.map((p99, round) => (p99 / bare.p99s[round]!).toFixed(2));
  console.log(
    `p99 ${real.name} / bare Probot: ${ratio.toFixed(3)}x over all rounds ` +
      `(per round: ${perRound.join(', ')}); target at most ${real.target}x with no errors: ` +
      `${ratio <= real.target && clean === 0 ? 'PASS' : 'MISS'}`,
  );
}
// Which side moved a round's ratio: its p99 on each side.
if (rounds > 1)
  for (const row of rows)
    console.log(`p99 per round, ${row.name}: ${row.p99s.map((p99) => ms(p99)).join(', ')} ms`);
