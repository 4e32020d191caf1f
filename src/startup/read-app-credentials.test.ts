import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';
import { normalizePrivateKey, readAppCredentials } from './read-app-credentials.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const PEM = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();
const PKCS8 = rsa.export({ type: 'pkcs8', format: 'pem' }).toString();
const EC = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rr-credentials-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (vars: Record<string, string>) =>
  readAppCredentials(parseEnv({ WEBHOOK_SECRET: 'secret', ...vars }), dir);

describe('readAppCredentials', () => {
  it('accepts a key pasted as the setup flow writes it: quoted, with literal \\n', () => {
    const pasted = `"${PEM.trim().replace(/\n/g, '\\n')}"`;
    const credentials = read({ APP_ID: '12345', PRIVATE_KEY: pasted });
    expect(credentials).toEqual({ appId: 12345, privateKey: PEM, webhookSecret: 'secret' });
  });

  it.each([
    ['plain PEM', PEM],
    ['PKCS#8 PEM', PKCS8],
    ['single-quoted PEM', `'${PEM}'`],
    ['base64 of the file', Buffer.from(PEM).toString('base64')],
    ['CRLF line breaks', PEM.replace(/\n/g, '\r\n')],
  ])('accepts a key given as %s and hands Probot PKCS#1 PEM', (_shape, text) => {
    expect(read({ APP_ID: '7', PRIVATE_KEY: text }).privateKey).toBe(PEM);
  });

  it('reads PRIVATE_KEY_PATH relative to the working directory', () => {
    writeFileSync(join(dir, 'app.pem'), PEM);
    expect(read({ APP_ID: '7', PRIVATE_KEY_PATH: 'app.pem' }).privateKey).toBe(PEM);
  });

  it('finds the one .pem file in the working directory, as Probot does', () => {
    writeFileSync(join(dir, 'review-router.2026-12-01.private-key.pem'), PEM);
    expect(read({ APP_ID: '7' }).privateKey).toBe(PEM);
  });

  it.each([
    [
      { APP_ID: '1', PRIVATE_KEY_PATH: 'missing.pem' },
      /^PRIVATE_KEY_PATH: cannot read the private key at .*missing\.pem \(ENOENT\)\. To resolve/,
    ],
    [
      { APP_ID: '1', PRIVATE_KEY: 'not a key' },
      /^PRIVATE_KEY is not a PEM private key .*To resolve/,
    ],
    [
      {
        APP_ID: '1',
        PRIVATE_KEY: `"-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----"`,
      },
      /^PRIVATE_KEY is not a PEM private key/,
    ],
    [
      { APP_ID: '1', PRIVATE_KEY: EC },
      /^PRIVATE_KEY is not an RSA key \(it is ec\); GitHub Apps sign with RSA keys\. To resolve/,
    ],
    [{ PRIVATE_KEY: PEM }, /^APP_ID is not set, but PRIVATE_KEY is\. To resolve/],
    [
      { APP_ID: '1' },
      /^APP_ID is set but the app has no private key\. To resolve, set PRIVATE_KEY_PATH/,
    ],
    [
      { APP_ID: '1', PRIVATE_KEY: PEM, PRIVATE_KEY_PATH: 'app.pem' },
      /^Both PRIVATE_KEY and PRIVATE_KEY_PATH are set\. To resolve/,
    ],
  ])('refuses %o with a message that names the variable and how to fix it', (vars, message) => {
    expect(() => read(vars)).toThrow(message);
  });

  it('refuses a non-numeric APP_ID before anything else', () => {
    expect(() => read({ APP_ID: 'abc', PRIVATE_KEY: PEM })).toThrow(
      /^APP_ID: expected the GitHub App's numeric id/,
    );
  });

  it('refuses a missing webhook secret once any credential is set', () => {
    expect(() => parseEnv({ PRIVATE_KEY_PATH: 'x.pem' })).toThrow(/^WEBHOOK_SECRET is not set/);
  });

  it("reads a worker's credentials without a webhook secret, since a worker verifies no webhook", () => {
    const worker = parseEnv({
      ROLE: 'worker',
      APP_ID: '12345',
      PRIVATE_KEY: PEM,
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgres://127.0.0.1/rr',
    });
    expect(readAppCredentials(worker, dir)).toEqual({
      appId: 12345,
      privateKey: PEM,
      webhookSecret: undefined,
    });
  });
});

describe('normalizePrivateKey', () => {
  it('leaves a well-formed key as it is', () => {
    expect(normalizePrivateKey(PEM)).toBe(PEM.trim());
  });
});
