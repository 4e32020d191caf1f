/** How a finding or a note names a kind of secret, never its value. */
import type { Finding } from '../domain/model-answer.js';
import type { SecretKind } from './types.js';

const NAMES: Readonly<Record<string, string>> = {
  'private-key': 'a private key',
  'aws-access-key-id': 'an AWS access key ID',
  'aws-secret-access-key': 'an AWS secret access key',
  'github-token': 'a GitHub token',
  'slack-token': 'a Slack token',
  'slack-webhook': 'a Slack webhook URL',
  'stripe-key': 'a Stripe live key',
  'stripe-test-key': 'a Stripe test key',
  'age-secret-key': 'an age private key',
  'aws-bedrock-api-key': 'an Amazon Bedrock API key',
  'teams-webhook': 'a Microsoft Teams webhook URL',
  'bundler-credentials': "a gem server's credentials for Bundler",
  'kubernetes-secret': 'a value of a Kubernetes Secret',
  'google-api-key': 'a Google API key',
  'anthropic-api-key': 'an Anthropic API key',
  'openai-api-key': 'an OpenAI API key',
  jwt: 'a JSON Web Token',
  'bearer-token': 'a bearer token',
  'url-password': 'a password in a URL',
  'generic-secret':
    'a hard-coded secret (a random-looking value assigned to a password, secret, token or key)',
};

/** Service names as their owners write them, where the kind's words would not. */
const SERVICES: Readonly<Record<string, string>> = {
  gitlab: 'GitLab',
  huggingface: 'Hugging Face',
  'hashicorp-vault': 'HashiCorp Vault',
  onepassword: '1Password',
  '1password': '1Password',
  npm: 'npm',
  pypi: 'PyPI',
  rubygems: 'RubyGems',
  digitalocean: 'DigitalOcean',
  openshift: 'OpenShift',
  sendgrid: 'SendGrid',
  'new-relic': 'New Relic',
  planetscale: 'PlanetScale',
  clickhouse: 'ClickHouse',
};

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `gitlab-token` is "a GitLab credential"; a kind of this stage has its own name. */
export const describeKind = (kind: SecretKind): string => {
  const named = NAMES[kind];
  if (named !== undefined) return named;
  const service = kind.replace(/-(?:token|key|secret|api-key|access-key-id)$/, '');
  const name = SERVICES[service] ?? service.split('-').map(capitalise).join(' ');
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} credential`;
};

const listKinds = (kinds: readonly SecretKind[]): string => {
  const names = kinds.map(describeKind);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
};

export const SECRET_FINDING_TITLE = 'Possible secret committed';

export const secretFinding = (
  path: string,
  line: number,
  kinds: readonly SecretKind[],
): Finding => ({
  path,
  line,
  start_line: null,
  side: 'RIGHT',
  severity: 'critical',
  category: 'security',
  title: SECRET_FINDING_TITLE,
  body:
    `This line adds what looks like ${listKinds(kinds)}. Anyone who can read the repository, ` +
    'or this commit in its history after the line is removed, can use it: revoke and rotate it ' +
    'now, then load it from the environment or a secret manager instead of committing it. ' +
    'review-router redacted it before sending the change to a model.',
  suggestion: null,
});

export const secretNote = (where: string, kinds: readonly SecretKind[]): string =>
  `The pull request's ${where} contains what looks like ${listKinds(kinds)}. It was redacted ` +
  `before the review, but the ${where} and its edit history are visible to everyone who can ` +
  `read the pull request: remove it and rotate the secret.`;
