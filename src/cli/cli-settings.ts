/**
 * How a command reads its settings: the shell's variables with ./.env over them, as the app reads
 * them. A command that needs the app's environment gets it validated as the app validates it at
 * start-up, with the same messages; `classify` reads only PRICES_FILE and MAX_INPUT_TOKENS, so it does not load the
 * schema (zod, about 40 ms and 20 MB at start-up) nor refuse to run over an unrelated variable.
 */
import type { Env } from '../env.js';
import { blankAsUnset, withDotEnv } from '../env-variables.js';
import { readDefaultPriceTable } from '../ledger/default-prices.js';
import type { PriceTable } from '../ledger/price-table.js';
import { DEFAULT_LIMITS, MIN_INPUT_TOKENS } from '../worker/types.js';
import { CliError } from './cli-io.js';

export interface CliSettings {
  /** The variables, not validated: the process's with ./.env over them, or the ones a test gave. */
  readonly variables: () => NodeJS.ProcessEnv;
  /** The whole environment, validated as the app validates it; read on the first call. */
  readonly env: () => Promise<Env>;
}

/**
 * Settings from the process (with ./.env), or from a parsed Env or plain variables that a test
 * passes, validated as the app validates them, without ./.env.
 */
export const cliSettings = (given?: Env | NodeJS.ProcessEnv): CliSettings => {
  let variables = given === undefined ? undefined : toVariables(given);
  let env: Promise<Env> | undefined;
  const read = (): NodeJS.ProcessEnv => (variables ??= withDotEnv(process.env));
  return {
    variables: read,
    env: () => (env ??= import('../env.js').then(({ parseEnv }) => parseEnv(read()))),
  };
};

/**
 * The price table, with PRICES_FILE's rows over the defaults: the shipped defaults alone load no
 * schema; a PRICES_FILE is validated, with the messages the app gives.
 */
export const readPrices = async (pricesFile: string | undefined): Promise<PriceTable> => {
  const overridePath = blankAsUnset(pricesFile);
  if (overridePath === undefined) return readDefaultPriceTable();
  const { loadPriceTable } = await import('../ledger/price-table.js');
  return loadPriceTable({ overridePath });
};

/**
 * MAX_INPUT_TOKENS as the app reads it (a whole number, at least 1,000), for a command that does
 * not load the app's whole environment; the app's built-in budget when it is unset.
 */
export const readMaxInputTokens = (value: string | undefined): number => {
  const text = blankAsUnset(value);
  if (text === undefined) return DEFAULT_LIMITS.maxInputTokens;
  const tokens = Number(text);
  if (Number.isInteger(tokens) && tokens >= MIN_INPUT_TOKENS) return tokens;
  throw new CliError(
    `MAX_INPUT_TOKENS: expected a whole number of at least ${MIN_INPUT_TOKENS}, got ${JSON.stringify(text)}. To resolve, fix MAX_INPUT_TOKENS.`,
  );
};

/** Variables as text, as the environment holds them: a parsed Env's numbers print back as they came. */
const toVariables = (env: Env | NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
