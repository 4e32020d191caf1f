import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectSensitivePath, splitPathWords } from './detect-sensitive-path.js';
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
