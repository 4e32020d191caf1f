import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './domain/errors.js';
import { hasAppCredentials, parseEnv, withDotEnv } from './env.js';

describe('parseEnv', () => {
  it('fills defaults and treats empty variables as unset', () => {
    const env = parseEnv({ DATA_DIR: '', OPENAI_API_KEY: ' ' });
    expect(env.DATA_DIR).toBe('./data');
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(hasAppCredentials(env)).toBe(false);
  });

  it('treats a blank GITHUB_THROTTLE as unset, as every other blank variable', () => {
    expect(parseEnv({ GITHUB_THROTTLE: '' }).GITHUB_THROTTLE).toBeUndefined();
    expect(parseEnv({ GITHUB_THROTTLE: 'off' }).GITHUB_THROTTLE).toBe('off');
    expect(() => parseEnv({ GITHUB_THROTTLE: 'maybe' })).toThrow(/GITHUB_THROTTLE/);
    expect(() => parseEnv({ GHE_PROTOCOL: 'ftp' })).toThrow(
      /^GHE_PROTOCOL: expected https \(the default\) or http/,
    );
    expect(parseEnv({ GHE_PROTOCOL: 'http' }).GHE_PROTOCOL).toBe('http');
  });

  it('treats a blank number setting as unset, and still refuses one out of range', () => {
    const blank = parseEnv({ MODEL_TIMEOUT_MS: '', REVIEW_CONCURRENCY: ' ', MAX_INPUT_TOKENS: '' });
    expect([blank.MODEL_TIMEOUT_MS, blank.REVIEW_CONCURRENCY, blank.MAX_INPUT_TOKENS]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseEnv({ MODEL_TIMEOUT_MS: ' 5000 ' }).MODEL_TIMEOUT_MS).toBe(5_000);
    expect(() => parseEnv({ MODEL_TIMEOUT_MS: '10' })).toThrow(/^MODEL_TIMEOUT_MS: /);
  });

  it('requires WEBHOOK_SECRET once the app has credentials', () => {
    expect(() => parseEnv({ APP_ID: '1', PRIVATE_KEY: 'key' })).toThrow(
      /WEBHOOK_SECRET is not set/,
    );
    expect(
      hasAppCredentials(parseEnv({ APP_ID: '1', PRIVATE_KEY_PATH: 'k.pem', WEBHOOK_SECRET: 's' })),
    ).toBe(true);
  });

  it('names the variable that is invalid', () => {
    expect(() => parseEnv({ REVIEW_CONCURRENCY: 'many' })).toThrow(/^REVIEW_CONCURRENCY: /);
  });

  it('reads the replica tuning variables and refuses a throttle setting other than on or off', () => {
    const env = parseEnv({
      QUEUE_PREFIX: 'rr-staging',
      QUEUE_LOCK_MS: '2000',
      CLAIM_LEASE_MS: '2400000',
      GITHUB_THROTTLE: 'off',
    });
    expect(env).toMatchObject({
      QUEUE_PREFIX: 'rr-staging',
      QUEUE_LOCK_MS: 2000,
      CLAIM_LEASE_MS: 2_400_000,
      GITHUB_THROTTLE: 'off',
    });
    expect(() => parseEnv({ GITHUB_THROTTLE: 'false' })).toThrow(/^GITHUB_THROTTLE: /);
    expect(() => parseEnv({ QUEUE_LOCK_MS: '10' })).toThrow(/^QUEUE_LOCK_MS: /);
  });
});

describe('parseEnv: ROLE', () => {
  const shared = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://127.0.0.1/rr' };
  const app = { APP_ID: '1', PRIVATE_KEY: 'key', WEBHOOK_SECRET: 's' };

  it('runs everything in one process unless ROLE says otherwise', () => {
    expect(parseEnv({}).ROLE).toBe('all');
    expect(parseEnv({ ROLE: ' ' }).ROLE).toBe('all');
    expect(parseEnv({ ROLE: 'web', ...shared, ...app }).ROLE).toBe('web');
  });

  it('refuses a role other than all, web or worker, naming ROLE', () => {
    expect(() => parseEnv({ ROLE: 'intake' })).toThrow(
      /^ROLE: expected all \(the default\), web or worker\. To resolve, fix ROLE/,
    );
  });

  it.each([
    [
      'web',
      { DATABASE_URL: shared.DATABASE_URL },
      /^ROLE=web needs REDIS_URL and DATABASE_URL, and REDIS_URL is not set/,
    ],
    [
      'worker',
      { REDIS_URL: shared.REDIS_URL },
      /^ROLE=worker needs REDIS_URL and DATABASE_URL, and DATABASE_URL is not set/,
    ],
    [
      'worker',
      {},
      /^ROLE=worker needs .*REDIS_URL and DATABASE_URL are not set.*To resolve, set REDIS_URL and DATABASE_URL/,
    ],
  ])('refuses ROLE=%s without the shared queue and ledger', (role, urls, message) => {
    expect(() => parseEnv({ ROLE: role, ...urls, ...app })).toThrow(message);
  });

  it('refuses a web or worker role without GitHub credentials instead of serving the setup page', () => {
    expect(() => parseEnv({ ROLE: 'web', ...shared })).toThrow(
      /^ROLE=web needs the GitHub App's credentials.*To resolve/,
    );
  });

  it('starts a worker without WEBHOOK_SECRET but never a web process', () => {
    const credentials = { APP_ID: app.APP_ID, PRIVATE_KEY: app.PRIVATE_KEY };
    expect(parseEnv({ ROLE: 'worker', ...shared, ...credentials }).WEBHOOK_SECRET).toBeUndefined();
    expect(() => parseEnv({ ROLE: 'web', ...shared, ...credentials })).toThrow(
      /^WEBHOOK_SECRET is not set/,
    );
  });
});

describe('parseEnv: model timeout, review deadline and claim lease', () => {
  it('reads MODEL_TIMEOUT_MS and REVIEW_DEADLINE_MS as milliseconds, and leaves them unset by default', () => {
    expect(parseEnv({ MODEL_TIMEOUT_MS: '900000', REVIEW_DEADLINE_MS: '3600000' })).toMatchObject({
      MODEL_TIMEOUT_MS: 900_000,
      REVIEW_DEADLINE_MS: 3_600_000,
    });
    expect(parseEnv({ MODEL_TIMEOUT_MS: '1000', REVIEW_DEADLINE_MS: '86400000' })).toMatchObject({
      MODEL_TIMEOUT_MS: 1_000,
      REVIEW_DEADLINE_MS: 86_400_000,
    });
    const env = parseEnv({});
    expect(env.MODEL_TIMEOUT_MS).toBeUndefined();
    expect(env.REVIEW_DEADLINE_MS).toBeUndefined();
  });

  it.each([
    ['MODEL_TIMEOUT_MS', 'ten minutes'],
    ['MODEL_TIMEOUT_MS', '999'],
    ['MODEL_TIMEOUT_MS', '1500.5'],
    ['MODEL_TIMEOUT_MS', '86400001'],
    ['REVIEW_DEADLINE_MS', '20m'],
    ['REVIEW_DEADLINE_MS', '500'],
    ['REVIEW_DEADLINE_MS', '-1200000'],
    ['REVIEW_DEADLINE_MS', '86400001'],
  ])('refuses %s=%s and names the variable', (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(
      new RegExp(`^${variable}: .*To resolve, fix ${variable} and restart\.$`),
    );
  });

  it.each([
    ['below REVIEW_DEADLINE_MS', { CLAIM_LEASE_MS: '600000', REVIEW_DEADLINE_MS: '1200000' }],
    ['equal to REVIEW_DEADLINE_MS', { CLAIM_LEASE_MS: '1200000', REVIEW_DEADLINE_MS: '1200000' }],
    ["below REVIEW_DEADLINE_MS's default of 20 min", { CLAIM_LEASE_MS: '5000' }],
  ])('refuses a CLAIM_LEASE_MS %s, naming both variables and the way out', (_case, source) => {
    expect(() => parseEnv(source)).toThrow(
      /^CLAIM_LEASE_MS \(.*\) is not longer than REVIEW_DEADLINE_MS.*To resolve, raise CLAIM_LEASE_MS above REVIEW_DEADLINE_MS/,
    );
  });

  it('says the deadline it compared with is the default when REVIEW_DEADLINE_MS is unset', () => {
    expect(() => parseEnv({ CLAIM_LEASE_MS: '900000' })).toThrow(
      "CLAIM_LEASE_MS (900000, 15 min) is not longer than REVIEW_DEADLINE_MS's default (1200000, 20 min)",
    );
  });

  it('accepts a CLAIM_LEASE_MS longer than the review deadline, set or default', () => {
    expect(
      parseEnv({ CLAIM_LEASE_MS: '4200000', REVIEW_DEADLINE_MS: '3600000' }).CLAIM_LEASE_MS,
    ).toBe(4_200_000);
    expect(parseEnv({ CLAIM_LEASE_MS: '1800000' }).CLAIM_LEASE_MS).toBe(1_800_000);
    expect(parseEnv({ CLAIM_LEASE_MS: '5000', REVIEW_DEADLINE_MS: '4000' }).CLAIM_LEASE_MS).toBe(
      5_000,
    );
  });
});

describe('withDotEnv', () => {
  it('applies ./.env over the environment, as Probot does after its setup flow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'APP_ID=123\nWEBHOOK_SECRET=from-file\n');
      expect(withDotEnv({ WEBHOOK_SECRET: 'from-env', PORT: '4000' }, dir)).toEqual({
        APP_ID: '123',
        WEBHOOK_SECRET: 'from-file',
        PORT: '4000',
      });
      expect(withDotEnv({ PORT: '4000' }, join(dir, 'none'))).toEqual({ PORT: '4000' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('says which .env it cannot read and what to do, rather than a stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-env-'));
    try {
      mkdirSync(join(dir, '.env'));
      expect(() => withDotEnv({}, dir)).toThrow(ConfigError);
      expect(() => withDotEnv({}, dir)).toThrow(
        `cannot read ${join(dir, '.env')} (EISDIR). To resolve, make it a readable file`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
