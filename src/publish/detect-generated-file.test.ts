import { describe, expect, it } from 'vitest';
import { describeOmission, detectGeneratedFile } from './detect-generated-file.js';

describe('detectGeneratedFile', () => {
  it.each([
    ['package-lock.json', 'lockfile'],
    ['web/yarn.lock', 'lockfile'],
    ['pnpm-lock.yaml', 'lockfile'],
    ['Cargo.lock', 'lockfile'],
    ['go.sum', 'lockfile'],
    ['api/v1/service.pb.go', 'generated'],
    ['py/service_pb2.py', 'generated'],
    ['src/__generated__/schema.ts', 'generated'],
    ['src/client.generated.ts', 'generated'],
    ['dist/index.js', 'generated'],
    ['public/app.min.js', 'generated'],
    ['test/__snapshots__/a.test.ts.snap', 'generated'],
    ['src/generator.ts', null],
    ['src/lock.ts', null],
    ['docs/gen.md', null],
  ])('reads %s as %s', (path, kind) => {
    expect(detectGeneratedFile(path)).toBe(kind);
  });
});

describe('describeOmission', () => {
  it('says what a file the policy ignores is, when it is recognisable', () => {
    expect(describeOmission('package-lock.json', 'ignored by policy')).toBe(
      'lockfile (ignored by policy)',
    );
    expect(describeOmission('vendor/x.c', 'ignored by policy')).toBe('ignored by policy');
    expect(describeOmission('src/a.ts', 'over token budget')).toBe('over token budget');
  });
});
