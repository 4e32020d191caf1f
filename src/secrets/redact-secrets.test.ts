import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { DiffModel } from '../domain/diff.js';
import { testPullRequest } from '../route/test-route-input.js';
import { SECRET_FINDING_TITLE } from './describe-secret.js';
import { redactSecrets } from './redact-secrets.js';
import { FAKE_SECRET_VALUES, FAKE_SECRETS as S } from './test-secrets.js';

const file = (filename: string, patch: string) => ({
  filename,
  status: 'modified',
  additions: patch.split('\n').filter((line) => line.startsWith('+')).length,
  deletions: patch.split('\n').filter((line) => line.startsWith('-')).length,
  changes: 0,
  patch,
});

const diffOf = (...files: ReturnType<typeof file>[]): DiffModel =>
  fromGitHubFiles(files, { truncated: false });

/** Everything but line texts and hunk sections: what redaction must keep. */
const shape = (diff: DiffModel) =>
  JSON.stringify(diff, (key, value: unknown) => (key === 'text' || key === 'section' ? '' : value));

const CONFIG_PATCH = [
  '@@ -1,4 +1,6 @@ export const config = {',
  "   region: 'eu-west-1',",
  `-  githubToken: '${S.githubPat}',`,
  `+  githubToken: '${S.githubToken}',`,
  `+  awsKeyId: '${S.awsAccessKeyId}', stripe: '${S.stripeKey}',`,
  '+  retries: 3,',
  `   legacyJwt: '${S.jwt}',`,
  ' };',
].join('\n');

const KEY_PATCH = ['@@ -0,0 +1,8 @@', ...S.privateKey.split('\n').map((line) => `+${line}`)].join(
  '\n',
);

describe('redactSecrets', () => {
  const diff = diffOf(file('src/config.ts', CONFIG_PATCH), file('deploy/id_rsa', KEY_PATCH));
  const pr = testPullRequest({
    title: `Rotate ${S.slackToken}`,
    body: `Here is the new key: ${S.openaiKey}\nThanks!`,
  });
  const result = redactSecrets(diff, pr);
  const texts = JSON.stringify(result.diff) + JSON.stringify(result.pr);

  it('removes every secret from the diff, the title and the description', () => {
    for (const secret of FAKE_SECRET_VALUES) expect(texts).not.toContain(secret);
  });

  it('keeps every file, hunk, line number and count', () => {
    expect(shape(result.diff)).toBe(shape(diff));
  });

  it('replaces only the secret part of a line with its kind', () => {
    const lines = result.diff.files[0]?.hunks[0]?.lines.map((line) => line.text);
    expect(lines).toEqual([
      "  region: 'eu-west-1',",
      "  githubToken: '[REDACTED:github-token]',",
      "  githubToken: '[REDACTED:github-token]',",
      "  awsKeyId: '[REDACTED:aws-access-key-id]', stripe: '[REDACTED:stripe-key]',",
      '  retries: 3,',
      "  legacyJwt: '[REDACTED:jwt]',",
      '};',
    ]);
  });

  it('reports each added line with a secret once, and a PEM key once, never quoting it', () => {
    expect(
      result.report.findings.map(({ path, line, side, severity, category, title }) => ({
        path,
        line,
        side,
        severity,
        category,
        title,
      })),
    ).toEqual([
      {
        path: 'src/config.ts',
        line: 2,
        side: 'RIGHT',
        severity: 'critical',
        category: 'security',
        title: SECRET_FINDING_TITLE,
      },
      {
        path: 'src/config.ts',
        line: 3,
        side: 'RIGHT',
        severity: 'critical',
        category: 'security',
        title: SECRET_FINDING_TITLE,
      },
      {
        path: 'deploy/id_rsa',
        line: 1,
        side: 'RIGHT',
        severity: 'critical',
        category: 'security',
        title: SECRET_FINDING_TITLE,
      },
    ]);
    expect(result.report.findings[1]?.body).toMatch(
      /^This line adds what looks like an AWS access key ID and a Stripe live key\. .*rotate it/,
    );
    expect(result.report.findings.every((finding) => finding.suggestion === null)).toBe(true);
    expect(JSON.stringify([result.report.findings, result.report.notes])).not.toMatch(
      /ghp_|AKIA|sk_live|BEGIN/,
    );
  });

  it('notes secrets in the title and description, which have no line', () => {
    expect(result.report.notes).toEqual([
      expect.stringContaining("The pull request's title contains what looks like a Slack token."),
      expect.stringContaining(
        "The pull request's description contains what looks like an OpenAI API key.",
      ),
    ]);
    expect(result.pr.title).toBe('Rotate [REDACTED:slack-token]');
    expect(result.pr.body).toBe('Here is the new key: [REDACTED:openai-api-key]\nThanks!');
  });

  it('returns the same diff and report nothing when there is no secret', () => {
    const clean = diffOf(file('src/a.ts', '@@ -1 +1 @@\n-const a = 1;\n+const a = 2;'));
    const none = redactSecrets(clean, testPullRequest());
    expect(none.diff).toBe(clean);
    expect(none.report).toEqual({ findings: [], notes: [], known: [] });
  });

  it('redacts a known secret wherever it recurs, even where no pattern would find it', () => {
    const patch = [
      '@@ -1,2 +1,3 @@',
      `-const fixture = login('${S.password}');`,
      `+const fixture = login(PASSWORD);`,
      `+const DB_PASSWORD = "${S.password}";`,
      ` // ${S.awsSecretAccessKey}`,
    ].join('\n');
    const other = file('.env', `@@ -1 +1 @@\n-X=1\n+aws_secret_access_key=${S.awsSecretAccessKey}`);
    const result = redactSecrets(
      diffOf(file('test/login.test.ts', patch), other),
      testPullRequest({ body: `The password is ${S.password}.` }),
    );
    const out = JSON.stringify(result.diff) + JSON.stringify(result.pr);
    expect(out).not.toContain(S.password);
    expect(out).not.toContain(S.awsSecretAccessKey);
    expect(result.pr.body).toBe('The password is [REDACTED:generic-secret].');
    expect(result.report.findings.map((finding) => [finding.path, finding.line])).toEqual([
      ['test/login.test.ts', 2],
      ['.env', 1],
    ]);
    expect(result.report.known.map((secret) => secret.kind).sort()).toEqual([
      'aws-secret-access-key',
      'generic-secret',
    ]);
  });

  it('redacts a key split over two hunks, reporting its added lines', () => {
    const [first, second, ...rest] = S.privateKeyBody;
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' -----BEGIN RSA PRIVATE KEY-----',
      ` ${first}`,
      `+${second}`,
      ...rest.slice(0, 1).map((line) => ` ${line}`),
      '@@ -10,2 +11,3 @@',
      ` ${rest[2]}`,
      `+${rest[3]}`,
      ' -----END RSA PRIVATE KEY-----',
    ].join('\n');
    const split = redactSecrets(diffOf(file('key.pem', patch)), testPullRequest());
    const out = JSON.stringify(split.diff);
    for (const line of S.privateKeyBody) expect(out).not.toContain(line);
    expect(split.report.findings.map((finding) => finding.line)).toEqual([3, 12]);
  });
});
