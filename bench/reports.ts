/**
 * bench:reports: how the cost reports scale. Seeds a ledger with --rows review attempts (default
 * 1,000,000) on SQLite and, when DATABASE_URL is set, on Postgres (a schema of its own, dropped
 * after), then for each database:
 *
 * - runs `review-router costs` as a process (the built CLI) for the table, `--format json`,
 *   `--format csv` and `--group-by repo,month`, and prints the time, the peak RSS of the process
 *   (process.resourceUsage().maxRSS) and what it printed;
 * - starts the built app (ROLE=all, REPORT_TOKEN set) on that ledger and asks `GET /reports/costs`
 *   and `GET /reports` once each, with the time, the size of the answer and the app's peak RSS,
 *   while a signed `pull_request.opened` delivery goes to the app every 100 ms: the webhook
 *   acknowledgement latency (p50, p99, max) with no report running, then during each report.
 *
 *   npm run bench:reports [-- --rows 100000] [--only sqlite|postgres]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgresLedger } from '../src/ledger/postgres-ledger.js';
import { openSqliteLedger } from '../src/ledger/sqlite-ledger.js';
import { freePort } from '../test/helpers/free-port.js';
import { pullRequestEvent } from '../test/helpers/github-payloads.js';
import { ensureBuiltApp } from './ensure-built-app.js';
import { seedPostgres, seedSqlite } from './seed-ledger.js';

const { values: flags } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, only: { type: 'string' } },
});
const ROWS = Number(flags.rows);
if (!Number.isSafeInteger(ROWS) || ROWS < 1)
  throw new Error(`--rows ${flags.rows}: a whole number`);
const ROOT = join(import.meta.dirname, '..');
const DATABASE_URL = process.env.DATABASE_URL ?? '';
const TOKEN = 'bench-report-token';
const SECRET = 'bench-webhook-secret';
const MAX_RSS = join(ROOT, 'bench/print-max-rss.ts');
const NOW = Date.now();

const MAIN = ensureBuiltApp(ROOT);

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Database {
  readonly name: 'sqlite' | 'postgres';
  /** What the CLI and the app need to find the ledger, besides DATA_DIR. */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  readonly drop: () => Promise<void>;
}

const withSchema = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

const prepare = async (name: Database['name']): Promise<Database> => {
  const dataDir = mkdtempSync(join(tmpdir(), `rr-bench-reports-${name}-`));
  const started = performance.now();
  if (name === 'sqlite') {
    const ledger = openSqliteLedger({ file: join(dataDir, 'ledger.sqlite') });
    await ledger.migrate();
    await ledger.close();
    seedSqlite(join(dataDir, 'ledger.sqlite'), ROWS, NOW);
    console.log(
      `seeded ${ROWS.toLocaleString('en-US')} rows on SQLite in ${seconds(performance.now() - started)}`,
    );
    return {
      name,
      env: {},
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const schema = `rr_bench_reports_${process.pid}`;
  const ledger = openPostgresLedger({ connectionString: DATABASE_URL, schema });
  await ledger.migrate();
  await ledger.close();
  const url = withSchema(DATABASE_URL, schema);
  await seedPostgres(url, ROWS, NOW);
  console.log(
    `seeded ${ROWS.toLocaleString('en-US')} rows on Postgres in ${seconds(performance.now() - started)}`,
  );
  const drop = async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { name, env: { DATABASE_URL: url }, dataDir, drop };
};

interface Measured {
  readonly ms: number;
  readonly maxRssKib: number;
  readonly bytes: number;
  readonly lines: number;
  readonly tail: string;
}

/** One `review-router costs …` process; its output is counted, not kept. */
const runCosts = (db: Database, args: readonly string[]): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', MAX_RSS, join(ROOT, 'bin/review-router.js'), 'costs', ...args],
      {
        cwd: db.dataDir,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: db.dataDir, ...db.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let bytes = 0;
    let lines = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
      tail = (tail + chunk.toString('utf8')).slice(-400);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const maxRss = /maxRSS (\d+)/.exec(stderr);
      if (code !== 0 || !maxRss)
        return reject(new Error(`costs ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({
        ms: performance.now() - started,
        maxRssKib: Number(maxRss[1]),
        bytes,
        lines,
        tail,
      });
    });
  });

/** The app's peak RSS so far (VmHWM), in KiB. */
const peakRss = (child: ChildProcess): number =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);

const startApp = async (db: Database): Promise<{ child: ChildProcess; origin: string }> => {
  const port = await freePort();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const child = spawn(process.execPath, [MAIN], {
    cwd: db.dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: db.dataDir,
      APP_ID: '12345',
      PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      WEBHOOK_SECRET: SECRET,
      REPORT_TOKEN: TOKEN,
      // Reviews the deliveries queue fail fast: nothing listens on the discard port.
      GHE_HOST: '127.0.0.1:9',
      GHE_PROTOCOL: 'http',
      ...db.env,
    },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 400; tries += 1) {
    if (child.exitCode !== null) throw new Error('the app exited at start-up');
    try {
      if ((await fetch(`${origin}/ping`)).ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error('the app did not start listening');
};

let nextPr = 1;
/** Sends a signed delivery every 100 ms until `until` settles; returns each one's latency in ms. */
const deliverDuring = async (origin: string, until: Promise<unknown>) => {
  const latencies: number[] = [];
  let failures = 0;
  let done = false;
  void until.finally(() => (done = true));
  const sent: Promise<void>[] = [];
  while (!done) {
    const pr = nextPr++;
    const body = JSON.stringify(
      pullRequestEvent('opened', {
        number: pr,
        headSha: pr.toString(16).padStart(40, 'f'),
        owner: 'acme',
        repo: 'bench',
      }),
    );
    const started = performance.now();
    sent.push(
      fetch(`${origin}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': `bench-reports-${process.pid}-${pr}`,
          'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        },
        body,
      }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.ok) latencies.push(performance.now() - started);
          else failures += 1;
        },
        () => void (failures += 1),
      ),
    );
    await sleep(100);
  }
  await Promise.all(sent);
  return { latencies, failures };
};

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const latencyRow = (
  during: string,
  { latencies, failures }: Awaited<ReturnType<typeof deliverDuring>>,
) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `| ${during} | ${latencies.length} | ${failures} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? NaN)} |`;
};

const benchDatabase = async (name: Database['name']): Promise<void> => {
  const db = await prepare(name);
  try {
    console.log(`\n### ${name}, ${ROWS.toLocaleString('en-US')} ledger rows\n`);
    console.log('| report | time | peak RSS | printed |\n| --- | ---: | ---: | ---: |');
    for (const args of [
      [],
      ['--format', 'json'],
      ['--format', 'csv'],
      ['--group-by', 'repo,month'],
    ]) {
      const run = await runCosts(db, args);
      console.log(
        `| \`${['costs', ...args].join(' ')}\` | ${seconds(run.ms)} | ${mib(run.maxRssKib)} | ${run.lines.toLocaleString('en-US')} lines, ${(run.bytes / 1_048_576).toFixed(1)} MB |`,
      );
      if (args.length === 0)
        console.log(`|  | ${run.tail.trim().split('\n').at(-1)?.slice(0, 90)}… | | |`);
    }
    const app = await startApp(db);
    try {
      const latency: string[] = [
        latencyRow('no report', await deliverDuring(app.origin, sleep(5_000))),
      ];
      for (const path of ['/reports/costs', '/reports']) {
        const started = performance.now();
        const answer = fetch(`${app.origin}${path}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        }).then(async (res) => ({
          status: res.status,
          bytes: (await res.arrayBuffer()).byteLength,
        }));
        const load = await deliverDuring(app.origin, answer);
        const { status, bytes } = await answer;
        const ms = performance.now() - started;
        console.log(
          `| \`GET ${path}\` (HTTP ${status}) | ${seconds(ms)} | ${mib(peakRss(app.child))} (app) | ${(bytes / 1024).toFixed(0)} KB |`,
        );
        latency.push(latencyRow(`GET ${path}`, load));
      }
      console.log('\nWebhook acknowledgement, one signed delivery every 100 ms:\n');
      console.log(
        '| while | acknowledged | failed | p50 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const row of latency) console.log(row);
    } finally {
      app.child.kill('SIGKILL');
    }
  } finally {
    await db.drop();
  }
};

for (const name of ['sqlite', 'postgres'] as const) {
  if (flags.only !== undefined && flags.only !== name) continue;
  if (name === 'postgres' && !DATABASE_URL) {
    console.log('\nPostgres skipped: set DATABASE_URL to run it.');
    continue;
  }
  await benchDatabase(name);
}
