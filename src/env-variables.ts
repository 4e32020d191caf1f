/**
 * The variables the app and the CLI read, before any validation: the shell's, with `./.env`
 * applied over them. Without the schema of `env.ts`, so a command that reads one variable does
 * not load zod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { ConfigError, errorMessage } from './domain/errors.js';

/**
 * The environment with `./.env` applied over it, as Probot applies it when it starts (its setup
 * flow writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET there), so both read the same values: a
 * variable set in both the shell and `.env` takes the value in `.env`.
 */
export const withDotEnv = (source: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv => {
  try {
    return { ...source, ...parseDotEnv(readFileSync(join(cwd, '.env'), 'utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return source;
    throw new ConfigError(
      `cannot read ${join(cwd, '.env')} (${code ?? errorMessage(error)}). To resolve, make it a readable file of NAME=value lines, or remove it and set the variables in the environment.`,
    );
  }
};

/** A text setting as the app reads it: blank (or only spaces) is unset. */
export const blankAsUnset = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;
