import { describe, expect, it } from 'vitest';
import { BASE64, BECH32, HEX, LETTERS, seededRandom, URL_SAFE } from './corpus/random-text.js';
import { redactText } from './redact-text.js';

const r = seededRandom(7);
const hf = `hf_${r.text(LETTERS, 34)}`;
const glpat = `glpat-${r.text(URL_SAFE, 20)}`;
const vault = `hvs.${r.text(URL_SAFE, 90)}`;
const stripeTest = `sk_test_${r.text(LETTERS, 30)}`;
const bedrock = `ABSK${r.text(BASE64, 132)}`;
const age = `AGE-SECRET-KEY-1${r.text(BECH32, 58)}`;
const random = `${r.text(LETTERS, 10)}7${r.text(HEX, 12)}`;
const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${r.text(URL_SAFE, 40)}.${r.text(URL_SAFE, 43)}`;
const base64Jwt = Buffer.from(jwt).toString('base64');
const guid = () => [8, 4, 4, 4, 12].map((n) => r.text(HEX, n)).join('-');
const teams = `${guid()}@${guid()}/IncomingWebhook/${r.text(HEX, 32)}/${guid()}`;

describe('findTextSecrets, through redactText', () => {
  it.each([
    ['a Hugging Face token, bare', `  "${hf}",`, hf],
    ['a GitLab token, bare', `GITLAB=${glpat}`, glpat],
    ['a Vault token, bare', `vault login ${vault}`, vault],
    ['a Stripe test key, bare', `Stripe('${stripeTest}')`, stripeTest],
    ['an Amazon Bedrock key, bare', bedrock, bedrock],
    ['an age private key, bare', `# ${age}`, age],
    ['a JSON Web Token in base64', `session: ${base64Jwt}`, base64Jwt],
    ['a Teams webhook', `url = "https://acme.webhook.office.com/webhookb2/${teams}"`, teams],
    ['a Go var', `var apiToken string = "${random}"`, random],
    ['a PHP concatenation', `$apiToken .= "${random}";`, random],
    ['a Java system property', `System.setProperty("DB_PASSWORD", "${random}")`, random],
    ['a Makefile conditional', `DEPLOY_TOKEN ?= ${random}`, random],
    ['a Makefile shell assignment', `DEPLOY_TOKEN ::= "${random}"`, random],
    ['a value starting with a dot', `API_SECRET=.${random}`, `.${random}`],
    ['a value starting with a tilde', `api_secret: ~${random}`, `~${random}`],
    ['a base64 value starting with a slash', `secret_key = "/${random}+${random}"`, random],
    ['a NuGet password', `<add key="ClearTextPassword" value="Hunter2-${random}" />`, random],
    ['a connection string', `"Server=db;User Id=app;Password=P4ss-word9;"`, 'P4ss-word9'],
    ['a libpq connection string', `"host=db user=app password=P4ss-word9 dbname=x"`, 'P4ss-word9'],
    ['curl -u', `  -u deploy:${random} \\`, random],
    ['a C define', `#define API_SECRET "${random}"`, random],
    ['a passphrase of words', 'password: CorrectHorseBatteryStaple', 'CorrectHorseBatteryStaple'],
    // Python's printed bytes (os.urandom) hold the other quote, and random printable text a blank.
    [
      'bytes holding the other quote',
      `SECRET_KEY = b'_5#y2L"F4Q8z\\n\\xec]/${random}'`,
      `_5#y2L"F4Q8z`,
    ],
    ['a single-quoted value holding double quotes', `app.secret_key = '${random}"x"'`, random],
    [
      'printable random text with a blank',
      "app.secret_key = 'A0Zr98j/3yX R~XHH!jmN]LWX/,?RT'",
      'R~XHH!jmN]LWX',
    ],
  ])('redacts %s', (_name, text, secret) => {
    expect(redactText(text).text).not.toContain(secret);
  });

  it.each([
    ['an XML value on its own line', `<apiToken>\n    ${random}\n</apiToken>`],
    ['a YAML block scalar', `api_token: |\n  ${random}`],
    ['a Kubernetes Secret', `kind: Secret\ndata:\n  username: YWRtaW4=\n  tls.key: ${random}`],
  ])('redacts %s, across lines', (_name, text) => {
    const redacted = redactText(text).text;
    expect(redacted).not.toContain(random);
    expect(redacted.split('\n')).toHaveLength(text.split('\n').length);
  });

  it.each([
    ['a GitHub token of x', `token = "ghp_${'x'.repeat(36)}"`],
    ["AWS's documentation key", `aws_access_key_id = ${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}`],
    ['a Slack token of x', `SLACK_TOKEN=xoxb-${'x'.repeat(10)}-${'x'.repeat(24)}`],
    ['a Slack token without its numbers', 'slack: xoxb-abcdef-abcdef'],
    ['a Stripe key marked EXAMPLE', `sk_live_EXAMPLE${'0'.repeat(20)}`],
    ['a Hugging Face token counting up', 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'],
    ['a GitLab token of one repeated chunk', `glpat-${'ab12'.repeat(5)}`],
    [
      'a key block with no key in it',
      '-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----',
    ],
    ['a base64 placeholder in a Secret', `kind: Secret\ndata:\n  password: ${btoa('changeme')}`],
    ['a CSRF token', `<input name="authenticity_token" value="${random}">`],
    ['a template in curl -u', 'curl -u <user:password> https://example.com'],
    ['a member access', 'password: config.database.primary.password'],
    ['a type named for a secret', '  credential: MsSqlTokenCredential;'],
    ['a call', '    connection.password = decodeURIComponent(parsed.password);'],
    ['a password converted in code', '        password = str(password)'],
    ['keyword arguments', 'db.connect(user=u, password=pw_value, host=h)'],
    ['a private member', '  sentryDsn: this.#state.sentryDsn,'],
    ['an identifier in camel case', '  withCredentials: defaultToConfig2,'],
    ['a negated member', '  request.withCredentials = !!_config.withCredentials;'],
    ["a bundler's copy of a class", 'axios.CancelToken = CancelToken$1;'],
    ['a numbered class name', 'exports.ECPrivateKey2 = ECPrivateKey2;'],
    ['a sentence', `password_hint = "Use 12 characters, one of them a digit"`],
    ['an expression with blanks', `token = 'a[0] + b2[1] * c3d'`],
    ['a sentence quoting a word', `secret: 'The "token" field is 32 hex digits'`],
  ])('leaves %s alone', (_name, text) => {
    expect(redactText(text)).toEqual({ text, kinds: [], found: [] });
  });

  it('cannot be switched off by a comment in the text', () => {
    const text = `// secretlint-disable\nconst key = "${glpat}";\n// secretlint-enable`;
    expect(redactText(text).text).not.toContain(glpat);
  });

  it('redacts a whole file, keeping its line count and every line without a secret', () => {
    const lines = Array.from(
      { length: 200 },
      (_, index) => `const value${index} = compute(${index});`,
    );
    lines[50] = `const token = "${glpat}";`;
    lines[120] = `password: "${random}"`;
    const redacted = redactText(lines.join('\n')).text.split('\n');
    expect(redacted).toHaveLength(200);
    expect(redacted[50]).toBe('const token = "[REDACTED:gitlab-token]";');
    expect(redacted[120]).toBe('password: "[REDACTED:generic-secret]"');
    expect(redacted.filter((line, index) => line !== lines[index])).toHaveLength(2);
  });
});
