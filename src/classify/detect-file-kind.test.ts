import { describe, expect, it } from 'vitest';
import { detectFileKind } from './detect-file-kind.js';

describe('detectFileKind', () => {
  it.each([
    ['src/auth/login.ts', 'source'],
    ['app/models/user.rb', 'source'],
    ['cmd/server/main.go', 'source'],
    ['src/auth/login.test.ts', 'test'],
    ['src/auth/login.spec.tsx', 'test'],
    ['src/__tests__/login.ts', 'test'],
    ['test/helpers/build.ts', 'test'],
    ['tests/fixtures/data.json', 'test'],
    ['pkg/server/handler_test.go', 'test'],
    ['app/test_views.py', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['src/main/java/UserServiceTest.java', 'test'],
    ['README.md', 'other'],
    ['package.json', 'other'],
    ['Dockerfile', 'other'],
    ['src/contest/score.ts', 'source'],
    ['src/latest.ts', 'source'],
  ])('sees %s as %s', (path, kind) => {
    expect(detectFileKind(path)).toBe(kind);
  });
});
