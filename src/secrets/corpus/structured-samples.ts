/**
 * Credentials that are a structure rather than a token: URLs with a password, connection
 * strings, `curl -u`, API headers, Bundler credentials, webhook URLs, storage account keys,
 * Kubernetes Secrets written in other ways, and multi-line PEM private keys.
 * Each sample lists what must not survive redaction.
 */
import { ALNUM, BASE64, DIGITS, HEX, type Random, URL_SAFE } from './random-text.js';

export interface Sample {
  readonly name: string;
  readonly text: string;
  /** Every string that must be gone from the redacted text. */
  readonly hidden: readonly string[];
}

const password = (r: Random): string =>
  `${r.text(ALNUM, 8)}${r.text('!#%^*_', 1)}${r.text(ALNUM, 5)}`;
const guid = (r: Random): string => [8, 4, 4, 4, 12].map((n) => r.text(HEX, n)).join('-');

const pem = (r: Random, label: string): { text: string; body: string[] } => {
  const body = Array.from({ length: 8 }, () => r.text(BASE64, 64));
  return {
    text: [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n'),
    body,
  };
};

export const structuredSamples = (r: Random): Sample[] => {
  const samples: Sample[] = [];
  const add = (name: string, make: (secret: string) => string, secret = password(r)) =>
    samples.push({ name, text: make(secret), hidden: [secret] });

  add('Postgres URL', (s) => `DATABASE_URL=postgres://app:${s}@db.internal:5432/app`);
  add('MongoDB URL', (s) => `  uri: "mongodb+srv://svc:${s}@cluster0.example.net/prod"`);
  add('Redis URL in code', (s) => `const redis = new Redis('redis://default:${s}@cache:6379');`);
  add('AMQP URL', (s) => `BROKER_URL = "amqp://worker:${s}@rabbit:5672/%2F"`);
  add(
    'ADO.NET connection string',
    (s) => `"Server=tcp:db;Database=app;User Id=app;Password=${s};"`,
  );
  add('JDBC properties', (s) => `jdbc.url=jdbc:sqlserver://db;user=sa;password=${s};`);
  add('curl -u', (s) => `curl -u admin:${s} https://ci.example.com/api/json`);
  add('curl --user quoted', (s) => `curl --user "deploy:${s}" -X POST https://ci.example.com/`);
  add('curl -u with no user', (s) => `curl -u ":${s}" https://search.internal:9200/_cat`);
  add(
    'API token header',
    (s) => `curl -H "X-Auth-Token: ${s}" https://api.example.com/v2/jobs`,
    r.text(URL_SAFE, 32),
  );
  add('Bundler gem server credentials', (s) => `export BUNDLE_GEMS__VENDOR__IO=ci-bot:${s}`);
  const secret = (name: string, lines: (encoded: string) => string[], value = password(r)) => {
    const encoded = Buffer.from(`${value}\n`).toString('base64');
    samples.push({ name, text: lines(encoded).join('\n'), hidden: [encoded] });
  };
  secret('Kubernetes Secret, kind in lower case', (v) => [
    'kind: secret',
    'data:',
    `  connection: ${v}`,
  ]);
  secret('Kubernetes Secret, a comment in its data', (v) => [
    'kind: Secret',
    'data:',
    '  # echo -n … | base64',
    `  connection: ${v}`,
  ]);
  secret('Kubernetes Secret, a block scalar value', (v) => [
    'kind: Secret',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
    '  .dockerconfigjson: |',
    `    ${v}`,
  ]);
  add(
    'Bearer header',
    (s) => `curl -H "Authorization: Bearer ${s}" https://api.example.com`,
    r.text(URL_SAFE, 40),
  );
  add(
    'Slack webhook URL',
    (s) => `SLACK_URL=https://hooks.slack.com/services/${s}`,
    `T${r.text(ALNUM, 10)}/B${r.text(ALNUM, 10)}/${r.text(ALNUM, 24)}`,
  );
  add(
    'Slack workflow trigger URL',
    (s) => `url: https://hooks.slack.com/triggers/${s}`,
    `E${r.text(ALNUM, 10)}/${r.text(DIGITS, 13)}/${r.text(HEX, 32)}`,
  );
  add(
    'Microsoft Teams webhook',
    (s) => `"webhook": "https://contoso.webhook.office.com/webhookb2/${s}"`,
    `${guid(r)}@${guid(r)}/IncomingWebhook/${r.text(HEX, 32)}/${guid(r)}`,
  );
  add(
    'Azure storage connection string',
    (s) =>
      `AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=app;AccountKey=${s};EndpointSuffix=core.windows.net`,
    `${r.text(BASE64, 86)}==`,
  );
  for (const label of ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']) {
    const key = pem(r, label);
    samples.push({ name: `PEM ${label}`, text: key.text, hidden: key.body });
    samples.push({
      name: `PEM ${label} in JSON`,
      text: `{"private_key": "${key.text.replace(/\n/g, '\\n')}\\n"}`,
      hidden: key.body,
    });
  }
  return samples;
};
