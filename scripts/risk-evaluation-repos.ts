/**
 * The public repositories the risk score is measured on (docs/risk-evidence.md). Weights were
 * tuned on TUNING only; HELD_OUT was scored once the weights were fixed; INDEPENDENT_CHECK is
 * kept for an outside check and was never used for tuning.
 */
export const TUNING: readonly string[] = [
  'tj/commander.js',
  'knex/knex',
  'pallets/flask',
  'pallets/click',
  'gin-gonic/gin',
  'spf13/viper',
];

export const HELD_OUT: readonly string[] = [
  'mochajs/mocha',
  'yargs/yargs',
  'koajs/koa',
  'encode/httpx',
  'marshmallow-code/marshmallow',
  'labstack/echo',
  'sirupsen/logrus',
];

export const INDEPENDENT_CHECK: readonly string[] = [
  'probot/probot',
  'octokit/rest.js',
  'expressjs/express',
  'fastify/fastify',
  'sindresorhus/got',
  'colinhacks/zod',
  'axios/axios',
  'psf/requests',
  'spf13/cobra',
];

export const REPOSITORY_SETS: Readonly<Record<string, readonly string[]>> = {
  tuning: TUNING,
  'held-out': HELD_OUT,
  'independent-check': INDEPENDENT_CHECK,
};
