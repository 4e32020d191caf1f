import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasAppCredentials, parseEnv, withDotEnv } from './env.js';

describe('parseEnv', () => {
  it('fills defaults and treats empty variables as unset', () => {
    const env = parseEnv({ DATA_DIR: '', OPENAI_API_KEY: ' ' });
    expect(env.DATA_DIR).toBe('./data');
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(hasAppCredentials(env)).toBe(false);
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
      CLAIM_LEASE_MS: '5000',
      GITHUB_THROTTLE: 'off',
    });
    expect(env).toMatchObject({
      QUEUE_PREFIX: 'rr-staging',
      QUEUE_LOCK_MS: 2000,
      CLAIM_LEASE_MS: 5000,
      GITHUB_THROTTLE: 'off',
    });
    expect(() => parseEnv({ GITHUB_THROTTLE: 'false' })).toThrow(/^GITHUB_THROTTLE: /);
    expect(() => parseEnv({ QUEUE_LOCK_MS: '10' })).toThrow(/^QUEUE_LOCK_MS: /);
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
});
