import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import {
  areasOf,
  areasOfWords,
  detectSensitivePath,
  splitPathWords,
} from './detect-sensitive-path.js';
import { testContext } from './test-context.js';

const detect = (...paths: string[]) =>
  detectSensitivePath(testContext(paths.map((path) => testFile(path, { additions: 3 }))));

describe('detectSensitivePath', () => {
  it.each([
    ['src/auth/session.ts', 'touches authentication code in src/auth/'],
    ['lib/OAuth2Client.java', 'touches authentication code in lib/'],
    ['app/controllers/login_controller.rb', 'touches authentication code in app/controllers/'],
    ['src/middleware/jwt-verify.ts', 'touches authentication code in src/middleware/'],
    ['src/users/reset-password.ts', 'touches authentication code in src/users/'],
    ['src/SignIn.tsx', 'touches authentication code in src/'],
    ['services/rbac/roles.go', 'touches authorization code in services/rbac/'],
    ['src/permissions.py', 'touches authorization code in src/'],
    ['internal/policy-engine/eval.go', 'touches authorization code in internal/policy-engine/'],
    ['pkg/crypto/aes.go', 'touches cryptography code in pkg/crypto/'],
    ['src/util/cipher.ts', 'touches cryptography code in src/util/'],
    ['config/secrets.ts', 'touches credential handling code in config/'],
    ['src/api/tokens.ts', 'touches credential handling code in src/api/'],
    ['src/billing/invoice.ts', 'touches payment code in src/billing/'],
    ['web/checkout/Cart.vue', 'touches payment code in web/checkout/'],
  ])('flags %s: "%s"', (path, message) => {
    const signal = detect(path);
    expect(signal).toMatchObject({ id: 'sensitive-path', weight: 0.6, message, paths: [path] });
  });

  it.each([
    'AUTHORS.md',
    'src/author/profile.ts',
    'docs/authoring.md',
    'src/tokenizer.ts',
    'src/cryptic-names.ts',
    'src/sessionless/handler.ts',
    'src/policy/load-policy.ts',
    'src/paymentsummary-widget.ts',
    'README.md',
  ])('does not flag %s, whose words only resemble a sensitive area', (path) => {
    expect(detect(path)).toBeNull();
  });

  it('names every area and counts the other files', () => {
    const signal = detect('src/auth/login.ts', 'src/billing/charge.ts', 'src/auth/logout.ts');
    expect(signal?.message).toBe(
      'touches authentication and payment code in src/auth/ and 2 more files',
    );
    expect(signal?.paths).toEqual([
      'src/auth/login.ts',
      'src/billing/charge.ts',
      'src/auth/logout.ts',
    ]);
  });

  it('flags a file moved out of a sensitive directory', () => {
    const ctx = testContext([
      testFile('src/legacy/handler.ts', { status: 'renamed', previousPath: 'src/auth/handler.ts' }),
    ]);
    expect(detectSensitivePath(ctx)?.paths).toEqual(['src/legacy/handler.ts']);
  });

  it('counts a binary file without a patch by its path', () => {
    const ctx = testContext([testFile('certs/crypto/root.der', { binary: true })]);
    expect(detectSensitivePath(ctx)?.id).toBe('sensitive-path');
  });

  it('ignores files the policy ignores', () => {
    expect(detect('dist/auth/bundle.js')).toBeNull();
  });
});

describe('splitPathWords', () => {
  it.each([
    ['src/OAuth2Client.ts', ['src', 'o', 'auth', 'client']],
    ['lib/jwt_utils.py', ['lib', 'jwt', 'utils']],
    ['a/policy-engine', ['a', 'policy', 'engine']],
  ])('splits %s into whole words', (path, words) => {
    expect(splitPathWords(path)).toEqual(expect.arrayContaining(words));
  });
});

describe('areasOf', () => {
  it('finds area words cut by case, digits, punctuation and extensions, as splitting finds them', () => {
    for (const path of [
      'lib/OAuth2Client.java',
      'src/SignIn.tsx',
      'src/sign_in.rb',
      'SIGN/IN/x',
      'internal/Policy_Engine/eval.go',
      'src/AUTH.ts',
      'pkg/Crypto3/x.go',
      'a/secret.token.json',
      'BillingV2.ts',
    ]) {
      expect(areasOf(path), path).not.toEqual([]);
      expect(areasOf(path), path).toEqual(areasOfWords(splitPathWords(path)));
    }
  });

  it('gives 20,000 paths pieced from area words, case changes and separators what splitting gives', () => {
    const pieces = [
      ...['auth', 'OAuth', 'AUTHZ', 'Sign', 'in', 'In', 'policy', 'Engine', 'crypto', 'Token'],
      ...['Session', 'SSO', 'mfa', 'pass', 'wd', 'Key', 'store', 'Billing', 'check', 'out'],
      ...['user', 'x', 'Ab', 'I', 's', '2', '10', '_', '-', '.', '/', '.ts', '.md', ' ', 'K'],
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let sensitive = 0;
    for (let count = 0; count < 20_000; count += 1) {
      const length = 1 + Math.floor(next() * 8);
      const path = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join(
        '',
      );
      const areas = areasOf(path);
      expect(areas, path).toEqual(areasOfWords(splitPathWords(path)));
      if (areas.length > 0) sensitive += 1;
    }
    expect(sensitive).toBeGreaterThan(1_000);
  });
});
