import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { testPolicy } from '../test-policy.js';
import { detectPolicySensitivePath } from './detect-policy-sensitive-path.js';
import { testContext } from './test-context.js';

const policy = {
  ...testPolicy,
  risk: { ...testPolicy.risk, sensitive_paths: ['src/ledger/**', '**/*.pem', 'dist/**'] },
};
const detect = (...paths: string[]) =>
  detectPolicySensitivePath(
    testContext(
      paths.map((path) => testFile(path, { additions: 1 })),
      { policy },
    ),
  );

describe('detectPolicySensitivePath', () => {
  it.each([
    ['src/ledger/price-table.ts', 'src/ledger/**'],
    ['certs/server.pem', '**/*.pem'],
  ])('flags %s, quoting the glob %s', (path, glob) => {
    expect(detect(path)).toEqual({
      id: 'policy-sensitive-path',
      weight: 0.6,
      message: `matches sensitive path ${glob} from the policy`,
      paths: [path],
    });
  });

  it('quotes every glob that matched', () => {
    expect(detect('src/ledger/a.ts', 'keys/b.pem', 'src/ledger/c.ts')?.message).toBe(
      'matches sensitive paths src/ledger/** and **/*.pem from the policy',
    );
  });

  it('stays silent without policy globs', () => {
    const ctx = testContext([testFile('src/ledger/a.ts')]);
    expect(detectPolicySensitivePath(ctx)).toBeNull();
  });

  it('does not let an ignored file raise risk', () => {
    expect(detect('dist/app.js')).toBeNull();
  });

  it('does not flag other files', () => {
    expect(detect('src/review/a.ts')).toBeNull();
  });
});
