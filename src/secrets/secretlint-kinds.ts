/**
 * How a secretlint report is named here: its message id where a kind of this stage fits, or else
 * `<service>-token` after the rule's name (`secretlint-rule-gitlab` names `gitlab-token`), so that
 * a rule added to the preset is named without a change here.
 */
import type { SecretKind } from './types.js';

const BY_MESSAGE: Readonly<Record<string, SecretKind>> = {
  AWSAccessKeyID: 'aws-access-key-id',
  AWSSecretAccessKey: 'aws-secret-access-key',
  PrivateKey: 'private-key',
  PrivateKeyJSON: 'private-key',
  IncomingWebhook: 'slack-webhook',
  SLACK_TOKEN: 'slack-token',
  STRIPE_SECRET_KEY_LIVE: 'stripe-key',
  STRIPE_RESTRICTED_KEY_LIVE: 'stripe-key',
  STRIPE_SECRET_KEY_TEST: 'stripe-test-key',
  STRIPE_RESTRICTED_KEY_TEST: 'stripe-test-key',
  GITHUB_TOKEN: 'github-token',
  OPENAI_TOKEN: 'openai-api-key',
  ANTHROPIC_API_KEY: 'anthropic-api-key',
  BasicAuth: 'url-password',
  MongoDBConnection: 'url-password',
  MySQLConnection: 'url-password',
  PostgreSQLConnection: 'url-password',
};

export const secretlintKind = (service: string, messageId: string): SecretKind =>
  BY_MESSAGE[messageId] ?? `${service}-token`;
