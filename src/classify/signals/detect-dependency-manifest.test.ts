import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectDependencyManifest } from './detect-dependency-manifest.js';
import { testContext } from './test-context.js';

const detect = (...paths: string[]) =>
  detectDependencyManifest(testContext(paths.map((path) => testFile(path, { additions: 2 }))));

describe('detectDependencyManifest', () => {
  it.each([
    'package.json',
    'packages/web/package.json',
    'requirements.txt',
    'requirements-dev.txt',
    'pyproject.toml',
    'go.mod',
    'Cargo.toml',
    'Gemfile',
    'pom.xml',
    'build.gradle',
    'composer.json',
  ])('flags the manifest %s with the manifest weight', (path) => {
    expect(detect(path)).toEqual({
      id: 'dependency-manifest',
      weight: 0.05,
      message: `changes dependencies: ${path}`,
      paths: [path],
    });
  });

  it.each([
    'package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'poetry.lock',
    'go.sum',
    'Cargo.lock',
    'Gemfile.lock',
    'composer.lock',
  ])('flags the lockfile %s alone with the lighter lockfile weight', (path) => {
    expect(detect(path)).toEqual({
      id: 'dependency-manifest',
      weight: 0.02,
      message: `changes locked dependency versions: ${path}`,
      paths: [path],
    });
  });

  it('counts lockfiles even though the policy ignores them', () => {
    expect(detect('package.json', 'package-lock.json')).toMatchObject({
      weight: 0.05,
      paths: ['package.json', 'package-lock.json'],
    });
  });

  it.each(['src/package.ts', 'docs/requirements.md', 'tsconfig.json'])(
    'does not flag %s',
    (path) => {
      expect(detect(path)).toBeNull();
    },
  );
});
