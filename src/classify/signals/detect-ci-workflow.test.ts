import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectCiWorkflow } from './detect-ci-workflow.js';
import { testContext } from './test-context.js';

const detect = (...paths: string[]) =>
  detectCiWorkflow(testContext(paths.map((path) => testFile(path, { additions: 2 }))));

describe('detectCiWorkflow', () => {
  it.each([
    '.github/workflows/ci.yml',
    '.github/actions/setup/action.yml',
    '.gitlab-ci.yml',
    '.circleci/config.yml',
    'Jenkinsfile',
    'ci/Jenkinsfile.release',
    'azure-pipelines.yml',
    '.buildkite/pipeline.yml',
  ])('flags %s as CI configuration', (path) => {
    expect(detect(path)).toEqual({
      id: 'ci-workflow',
      weight: 0.1,
      message: `changes CI configuration: ${path}`,
      paths: [path],
    });
  });

  it.each(['src/workflows/run.ts', 'docs/ci.md', '.github/CODEOWNERS', 'jenkins.md'])(
    'does not flag %s',
    (path) => {
      expect(detect(path)).toBeNull();
    },
  );

  it('lists the first files and counts the rest', () => {
    const signal = detect(
      '.github/workflows/a.yml',
      '.github/workflows/b.yml',
      '.github/workflows/c.yml',
      '.github/workflows/d.yml',
    );
    expect(signal?.message).toBe(
      'changes CI configuration: .github/workflows/a.yml, .github/workflows/b.yml, .github/workflows/c.yml and 1 more',
    );
  });
});
