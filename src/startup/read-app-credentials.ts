import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../domain/errors.js';
import type { Env } from '../env.js';

/** What Probot needs to act as the GitHub App, checked before it starts. */
export interface AppCredentials {
  readonly appId: number;
  /** PKCS#1 PEM text with real line breaks, whatever shape it was pasted in. */
  readonly privateKey: string;
  /** Unset only for ROLE=worker, which verifies no webhook. */
  readonly webhookSecret: string | undefined;
}

const SETTINGS_PAGE =
  "the GitHub App's settings page (Settings > Developer settings > GitHub Apps)";

/**
 * A key as people paste it: wrapped in quotes (what `docker run --env-file` passes through from a
 * `.env` the setup flow wrote), with literal `\n` for line breaks, or base64 of the whole file.
 */
export const normalizePrivateKey = (text: string): string => {
  let key = text.trim();
  const quote = key[0];
  if ((quote === '"' || quote === "'") && key.length > 1 && key.endsWith(quote))
    key = key.slice(1, -1).trim();
  key = key.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n/g, '\n');
  if (!key.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(key)) {
    const decoded = Buffer.from(key, 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) key = decoded.trim();
  }
  return key;
};

const parseKey = (text: string, where: string): KeyObject => {
  let key: KeyObject;
  try {
    key = createPrivateKey(normalizePrivateKey(text));
  } catch (error) {
    throw new ConfigError(
      `${where} is not a PEM private key (${(error as Error).message}). To resolve, use the whole .pem file that "Generate a private key" on ${SETTINGS_PAGE} downloads, from -----BEGIN to -----END, or set PRIVATE_KEY_PATH to that file.`,
      { variable: where.startsWith('PRIVATE_KEY_PATH') ? 'PRIVATE_KEY_PATH' : 'PRIVATE_KEY' },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ConfigError(
      `${where} is not an RSA key (it is ${key.asymmetricKeyType ?? 'of an unknown type'}); GitHub Apps sign with RSA keys. To resolve, generate a private key on ${SETTINGS_PAGE} and use that .pem file.`,
      { variable: where.startsWith('PRIVATE_KEY_PATH') ? 'PRIVATE_KEY_PATH' : 'PRIVATE_KEY' },
    );
  }
  return key;
};

const readKeyFile = (path: string, cwd: string, variable: string): string => {
  const file = resolve(cwd, path);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `${variable}: cannot read the private key at ${file} (${code}). To resolve, point ${variable} at the .pem file downloaded from ${SETTINGS_PAGE}, readable by the user that runs the app, or set PRIVATE_KEY to its contents.`,
      { variable },
    );
  }
};

/** The key's text and where it came from: PRIVATE_KEY, PRIVATE_KEY_PATH, or the one .pem in cwd. */
const findKey = (env: Env, cwd: string): { text: string; where: string } => {
  if (env.PRIVATE_KEY !== undefined && env.PRIVATE_KEY_PATH !== undefined) {
    throw new ConfigError(
      'Both PRIVATE_KEY and PRIVATE_KEY_PATH are set. To resolve, keep one: PRIVATE_KEY with the contents of the .pem file, or PRIVATE_KEY_PATH with its path.',
      { variable: 'PRIVATE_KEY' },
    );
  }
  if (env.PRIVATE_KEY !== undefined) return { text: env.PRIVATE_KEY, where: 'PRIVATE_KEY' };
  if (env.PRIVATE_KEY_PATH !== undefined) {
    const text = readKeyFile(env.PRIVATE_KEY_PATH, cwd, 'PRIVATE_KEY_PATH');
    return { text, where: `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})` };
  }
  // Probot's own fallback: exactly one .pem file in the working directory.
  const pems = readdirSync(cwd).filter((name) => name.endsWith('.pem'));
  if (pems.length === 1 && pems[0] !== undefined) {
    return { text: readKeyFile(pems[0], cwd, 'PRIVATE_KEY_PATH'), where: pems[0] };
  }
  throw new ConfigError(
    `APP_ID is set but the app has no private key${pems.length > 1 ? ` (${pems.length} .pem files here: ${pems.join(', ')})` : ''}. To resolve, set PRIVATE_KEY_PATH to the .pem file downloaded from ${SETTINGS_PAGE}, or PRIVATE_KEY to its contents.`,
    { variable: 'PRIVATE_KEY_PATH' },
  );
};

/**
 * Checks the GitHub credentials once any of them is set, so that a wrong one stops the process
 * with a message that names it, instead of starting Probot's setup page or failing on the first
 * webhook. Parsing the environment has already checked that APP_ID is a number and that a
 * WEBHOOK_SECRET is set where the role needs one.
 */
export const readAppCredentials = (env: Env, cwd = process.cwd()): AppCredentials => {
  if (env.APP_ID === undefined) {
    throw new ConfigError(
      `APP_ID is not set, but ${env.PRIVATE_KEY !== undefined ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'} is. To resolve, set APP_ID to the App ID shown on ${SETTINGS_PAGE}; or unset every GitHub credential to register a new app through the setup page.`,
      { variable: 'APP_ID' },
    );
  }
  const { text, where } = findKey(env, cwd);
  const key = parseKey(text, where);
  // WEBHOOK_SECRET is checked where the environment is parsed: every role but a worker needs it.
  return {
    appId: Number(env.APP_ID),
    privateKey: key.export({ type: 'pkcs1', format: 'pem' }).toString(),
    webhookSecret: env.WEBHOOK_SECRET,
  };
};
