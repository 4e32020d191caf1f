/**
 * Fake secrets for tests, generated at run time so that no secret-shaped string is committed
 * (secret scanners would flag it). Deterministic: the same values on every run.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = `${ALNUM}+/`;

/** A small linear congruential generator: enough to spread characters, nothing more. */
const randomString = (seed: number, length: number, alphabet: string): string => {
  let state = seed >>> 0;
  let out = '';
  while (out.length < length) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
};

const PEM_BODY = Array.from({ length: 6 }, (_, index) => randomString(900 + index, 64, BASE64));

export const FAKE_SECRETS = {
  githubToken: `ghp_${randomString(1, 36, ALNUM)}`,
  githubPat: `github_pat_${randomString(2, 22, ALNUM)}_${randomString(3, 59, ALNUM)}`,
  awsAccessKeyId: `AKIA${randomString(4, 16, UPPER_DIGITS)}`,
  awsSecretAccessKey: randomString(5, 40, BASE64),
  slackToken: `xoxb-${randomString(6, 12, '0123456789')}-${randomString(7, 24, ALNUM)}`,
  stripeKey: `sk_live_${randomString(8, 24, ALNUM)}`,
  googleApiKey: `AIza${randomString(9, 35, ALNUM)}`,
  openaiKey: `sk-proj-${randomString(10, 48, ALNUM)}`,
  anthropicKey: `sk-ant-api03-${randomString(11, 86, ALNUM)}`,
  jwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${randomString(12, 40, ALNUM)}.${randomString(13, 43, ALNUM)}`,
  password: `${randomString(14, 12, ALNUM)}#${randomString(15, 11, ALNUM)}`,
  privateKeyBody: PEM_BODY,
  privateKey: [
    '-----BEGIN RSA PRIVATE KEY-----',
    ...PEM_BODY,
    '-----END RSA PRIVATE KEY-----',
  ].join('\n'),
} as const;

/** Every planted value a test must never find in what was sent: each key line on its own. */
export const FAKE_SECRET_VALUES: readonly string[] = [
  FAKE_SECRETS.githubToken,
  FAKE_SECRETS.githubPat,
  FAKE_SECRETS.awsAccessKeyId,
  FAKE_SECRETS.awsSecretAccessKey,
  FAKE_SECRETS.slackToken,
  FAKE_SECRETS.stripeKey,
  FAKE_SECRETS.googleApiKey,
  FAKE_SECRETS.openaiKey,
  FAKE_SECRETS.anthropicKey,
  FAKE_SECRETS.jwt,
  FAKE_SECRETS.password,
  ...FAKE_SECRETS.privateKeyBody,
];
