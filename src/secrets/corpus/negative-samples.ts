/**
 * What must stay readable: placeholders written where a credential would go (in every format
 * and shape the corpus uses), and near-misses that look like secrets to a careless pattern
 * (hashes, UUIDs, identifiers, paths, URLs without a password, code that handles tokens).
 */
import { ASSIGNMENT_SHAPES, BARE_SHAPES } from './assignment-shapes.js';
import { HEX, type Random } from './random-text.js';
import { TOKEN_FORMATS } from './token-formats.js';

export interface Negative {
  readonly name: string;
  readonly text: string;
}

/** Where a real token's random part would be, a placeholder's filler. */
const FILLERS: readonly ((token: string, keep: number) => string)[] = [
  (token, keep) => token.slice(0, keep) + token.slice(keep).replace(/[A-Za-z0-9]/g, 'x'),
  (token, keep) => token.slice(0, keep) + token.slice(keep).replace(/[A-Za-z0-9]/g, 'X'),
  (token, keep) => token.slice(0, keep) + token.slice(keep).replace(/[A-Za-z0-9]/g, '0'),
  (token, keep) =>
    token.slice(0, keep) + 'EXAMPLE' + token.slice(keep + 7).replace(/[A-Za-z0-9]/g, 'A'),
  (token, keep) =>
    token.slice(0, keep) + '1234567890abcdef'.repeat(8).slice(0, token.length - keep),
  (token, keep) => `${token.slice(0, keep)}...`,
];

/** How many characters of a token are its prefix (kept in its placeholders). */
const prefixLength = (token: string): number => {
  const match = /^[A-Za-z0-9]{0,16}?[_.~-]/.exec(token);
  return match === null ? 4 : match[0].length;
};

const PLACEHOLDER_VALUES: readonly string[] = [
  'your_api_key_here',
  'YOUR_TOKEN_HERE',
  '<your-token>',
  '${API_TOKEN}',
  '{{ .Values.apiToken }}',
  '${{ secrets.DEPLOY_TOKEN }}',
  'changeme',
  'REPLACE_WITH_YOUR_KEY',
  '********************',
  'xxxxxxxxxxxxxxxxxxxxxxxx',
  'dummy-token-for-tests-only',
  'sample_secret_value_123',
  'insert-your-key-here',
  '%API_TOKEN%',
  '$API_TOKEN',
  'redacted',
  'fake_token_1234567890',
  ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
  ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/'),
];

const NEAR_MISSES = (r: Random): Negative[] =>
  [
    ['a commit SHA', `const commit = "${r.text(HEX, 40)}";`],
    ['a request id', `requestId: "${[8, 4, 4, 4, 12].map((n) => r.text(HEX, n)).join('-')}"`],
    ['a lockfile integrity hash', `integrity: sha512-${r.text(HEX, 40)}AbCdQ==`],
    ['an image in base64', `src: "data:image/png;base64,iVBORw0KGgo${r.text(HEX, 40)}"`],
    ['a tokenizer name', 'tokenizer_name = "bert-base-multilingual-cased"'],
    ['a password length rule', 'PASSWORD_MIN_LENGTH = 12'],
    ['a token type', 'token_type = "Bearer"'],
    ['a secret name', 'secretName: my-app-database-credentials'],
    ['a header name', 'apiKeyHeader: "X-Api-Key"'],
    ['a key path', 'keyPath: "/etc/ssl/private/server.key"'],
    ['a key file name', 'private_key_file = ~/.ssh/id_ed25519'],
    ['a selector', "PASSWORD_SELECTOR = '#login-form-password-input'"],
    ['a token URL', 'tokenUrl: https://auth.example.com/oauth2/v1/token'],
    ['a URL without a password', 'url: postgres://app@localhost:5432/app'],
    ['a default password in a URL', 'url: postgres://postgres:postgres@localhost:5432/app'],
    ['a regular expression', 'const GITHUB_TOKEN = /ghp_[A-Za-z0-9]{36}/;'],
    ['a prefix check', "if (token.startsWith('ghp_')) return 'classic';"],
    ['a variable read', 'const apiKey = process.env.OPENAI_API_KEY;'],
    ['a config lookup', 'secret_key = settings.SECRET_KEY_FROM_ENVIRONMENT'],
    ['a function call', 'token = generate_access_token(user.id, scopes)'],
    ['a member access', 'password: config.database.primary.password'],
    ['a scikit-learn import', 'from sk_learn_compat import train_test_split_helper'],
    ['a version', 'auth_version = "2024-06-01-preview"'],
    ['a sentence', 'The token must be rotated every 90 days by the on-call engineer.'],
    ['a Kubernetes Secret from a template', 'kind: Secret\ndata:\n  password: ${DB_PASSWORD_B64}'],
    [
      'a ConfigMap after a Secret',
      'kind: Secret\nmetadata:\n  name: app\n---\nkind: ConfigMap\ndata:\n  region: eu-west-1-cluster-7',
    ],
    ['a Secret holding a word', 'kind: Secret\ndata:\n  enabled: dHJ1ZQo='],
    ['a Slack token of repeated segments', `token3: "xoxp-1234-1234-1234-${r.text(HEX, 32)}"`],
    ['Bundler settings', 'BUNDLE_WITHOUT=development:staging'],
    ['a CSS colour list', 'colors: ["#1f2937", "#3b82f6", "#10b981", "#f59e0b"]'],
    ['a long identifier', 'const tokenRefreshIntervalMilliseconds = 300000;'],
    ['an i18n key', 'passwordResetTitle: "auth.password_reset.email_sent_title"'],
    ['a type annotation', '  credential: MsSqlTokenCredential;'],
    ['a client class', 'secret: SecretManagerClient'],
    [
      'a call that decodes a password',
      'connection.password = decodeURIComponent(parsed.password);',
    ],
    ['a password converted in code', "        password = password.encode('latin1')"],
    ['a private member', 'sentryDsn: this.#state.sentryDsn,'],
    ['an identifier in camel case', 'withCredentials: defaultToConfig2,'],
    [
      'minified names',
      'x=["credentials","isStreamResponse"],v.withCredentials=!!s.withCredentials',
    ],
  ].map(([name, text]) => ({ name: name ?? '', text: text ?? '' }));

export const negativeSamples = (r: Random): Negative[] => {
  const negatives: Negative[] = [];
  const shapes = [...ASSIGNMENT_SHAPES, ...BARE_SHAPES];
  TOKEN_FORMATS.forEach((format, index) => {
    const token = format.make(r);
    FILLERS.forEach((fill, fillIndex) => {
      const shape = shapes[(index * FILLERS.length + fillIndex) % shapes.length];
      if (shape === undefined) return;
      const value = fill(token, prefixLength(token));
      negatives.push({
        name: `${format.name} placeholder in ${shape.name}`,
        text: shape.render(format.stem, value),
      });
    });
  });
  PLACEHOLDER_VALUES.forEach((value, index) => {
    for (const offset of [0, 17, 31]) {
      const shape = ASSIGNMENT_SHAPES[(index + offset) % ASSIGNMENT_SHAPES.length];
      if (shape !== undefined)
        negatives.push({ name: `"${value}" in ${shape.name}`, text: shape.render('api', value) });
    }
  });
  return [...negatives, ...NEAR_MISSES(r)];
};
