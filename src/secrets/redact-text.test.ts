import { describe, expect, it } from 'vitest';
import { redactText } from './redact-text.js';
import { shannonEntropy } from './shannon-entropy.js';
import { FAKE_SECRETS as S } from './test-secrets.js';
import type { SecretKind } from './types.js';

describe('redactText', () => {
  it.each<[string, string, SecretKind, string]>([
    [
      'a GitHub personal access token',
      `const token = '${S.githubToken}';`,
      'github-token',
      S.githubToken,
    ],
    ['a fine-grained GitHub token', `GH=${S.githubPat}`, 'github-token', S.githubPat],
    [
      'an AWS access key id',
      `aws_access_key_id = ${S.awsAccessKeyId}`,
      'aws-access-key-id',
      S.awsAccessKeyId,
    ],
    [
      'an AWS secret access key',
      `aws_secret_access_key = "${S.awsSecretAccessKey}"`,
      'aws-secret-access-key',
      S.awsSecretAccessKey,
    ],
    ['a Slack bot token', `slack: ${S.slackToken}`, 'slack-token', S.slackToken],
    ['a Stripe live key', `Stripe(${JSON.stringify(S.stripeKey)})`, 'stripe-key', S.stripeKey],
    ['a Google API key', `key=${S.googleApiKey}&q=1`, 'google-api-key', S.googleApiKey],
    ['an OpenAI key', `OPENAI_API_KEY=${S.openaiKey}`, 'openai-api-key', S.openaiKey],
    [
      'an Anthropic key',
      `new Anthropic({ apiKey: '${S.anthropicKey}' })`,
      'anthropic-api-key',
      S.anthropicKey,
    ],
    ['a JWT', `const session = "${S.jwt}"`, 'jwt', S.jwt],
    ['a password assignment', `DB_PASSWORD="${S.password}"`, 'generic-secret', S.password],
    [
      'a YAML client secret',
      `  client_secret: ${S.password}x9`,
      'generic-secret',
      `${S.password}x9`,
    ],
    ['a JSON api key', `{"apiKey": "${S.password}"}`, 'generic-secret', S.password],
    [
      'a bearer header',
      `Authorization: Bearer ${S.awsSecretAccessKey}`,
      'bearer-token',
      S.awsSecretAccessKey,
    ],
    [
      'a password in a URL',
      'DATABASE_URL=postgres://app:Zq7xK2pLm9@db.internal:5432/app',
      'url-password',
      'Zq7xK2pLm9',
    ],
  ])('redacts %s, keeping the rest of the line', (_name, line, kind, secret) => {
    const result = redactText(line);
    expect(result.text).not.toContain(secret);
    expect(result.text).toContain(`[REDACTED:${kind}]`);
    expect(result.kinds).toContain(kind);
    expect(result.text.replace(`[REDACTED:${kind}]`, secret)).toBe(line);
  });

  it.each([
    ['a header read from the request', 'const token = req.headers.authorization;'],
    ['a GitHub Actions secret', 'password: ${{ secrets.DB_PASSWORD }}'],
    ['an environment variable', 'api_key = os.environ["OPENAI_API_KEY_FOR_TESTS"]'],
    ['a shell variable', 'export API_TOKEN=$API_TOKEN_FROM_VAULT_1'],
    ['a word that contains "token"', 'tokenizer = "bert-base-uncased-whole-word"'],
    ['a placeholder', 'secret: "your-secret-goes-here-1234"'],
    ['a weak default in a URL', 'url: postgres://postgres:postgres@localhost:5432/app'],
    ['a commit SHA', 'const sha = "3f786850e387550fdab836ed7e6dc881de23001b";'],
    ['a check for a key header', "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) {"],
    ['a path', 'token_file = "/var/run/secrets/kubernetes.io/token1"'],
    ['a sentence', 'The password must be at least 12 characters long and 1 digit.'],
  ])('leaves %s alone', (_name, line) => {
    expect(redactText(line)).toEqual({ text: line, kinds: [], found: [] });
  });

  it('redacts a whole PEM private key across lines, and nothing around it', () => {
    const text = `const key = \`\n${S.privateKey}\n\`;\nexport default key;`;
    const result = redactText(text);
    for (const line of S.privateKeyBody) expect(result.text).not.toContain(line);
    expect(result.text.split('\n')).toEqual([
      'const key = `',
      '[REDACTED:private-key]',
      ...S.privateKeyBody.map(() => '[REDACTED:private-key]'),
      '[REDACTED:private-key]',
      '`;',
      'export default key;',
    ]);
    expect(result.kinds).toEqual(['private-key']);
  });

  it('redacts a PEM key written on one line with \\n escapes', () => {
    const line = `"private_key": "${S.privateKey.replace(/\n/g, '\\n')}\\n",`;
    const result = redactText(line);
    expect(result.text).toBe('"private_key": "[REDACTED:private-key]\\n",');
  });

  it('redacts base64 lines above an END line whose BEGIN is out of view', () => {
    const text = [...S.privateKeyBody.slice(2), '-----END RSA PRIVATE KEY-----', ''].join('\n');
    const result = redactText(text);
    for (const line of S.privateKeyBody) expect(result.text).not.toContain(line);
  });

  it('stops a key block at a line that is not part of a key', () => {
    const text = [
      '-----BEGIN PRIVATE KEY-----',
      S.privateKeyBody[0],
      'const next = compute(1, 2);',
    ].join('\n');
    expect(redactText(text).text.split('\n')).toEqual([
      '[REDACTED:private-key]',
      '[REDACTED:private-key]',
      'const next = compute(1, 2);',
    ]);
  });

  it('scans a 5 MB line without a secret in linear time', () => {
    const line = `${'a.b/c:d@e '.repeat(500_000)}`;
    expect(redactText(line).kinds).toEqual([]);
  });
});

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
  ])('of %j is %d bits per character', (text, bits) => {
    expect(shannonEntropy(text)).toBeCloseTo(bits, 10);
  });
});
