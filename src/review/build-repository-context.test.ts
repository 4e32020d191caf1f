import { describe, expect, it } from 'vitest';
import type { Policy } from '../domain/policy.js';
import { buildRepositoryContext } from './build-repository-context.js';

const review = (overrides: Partial<Policy['review']> = {}): Policy['review'] => ({
  ignore_paths: [],
  max_comments: 25,
  min_severity: 'warning',
  instructions: '',
  path_instructions: [],
  ...overrides,
});

describe('buildRepositoryContext', () => {
  it('states the minimum severity and the comment limit', () => {
    const context = buildRepositoryContext({
      review: review({ min_severity: 'error', max_comments: 10 }),
      paths: [],
    });

    expect(context).toContain('severity `error` or higher');
    expect(context).toContain('at most 10 findings');
  });

  it('never asks for more findings than the answer schema allows', () => {
    const context = buildRepositoryContext({ review: review({ max_comments: 500 }), paths: [] });

    expect(context).toContain('at most 50 findings');
  });

  it('includes the maintainers instructions, and leaves the heading out when there are none', () => {
    expect(
      buildRepositoryContext({
        review: review({ instructions: 'Prefer early returns.' }),
        paths: [],
      }),
    ).toContain('Prefer early returns.');
    expect(buildRepositoryContext({ review: review(), paths: [] })).not.toContain(
      "maintainers' instructions",
    );
  });

  it('includes only the path instructions whose globs match a changed file, dot files included', () => {
    const context = buildRepositoryContext({
      review: review({
        path_instructions: [
          {
            paths: ['src/auth/**'],
            instructions: 'Check every token comparison is constant-time.',
          },
          { paths: ['migrations/**'], instructions: 'Migrations must be reversible.' },
          { paths: ['**/*.yml'], instructions: 'Pin third-party actions to a commit SHA.' },
        ],
      }),
      paths: ['src/auth/session.ts', '.github/workflows/ci.yml'],
    });

    expect(context).toContain('constant-time');
    expect(context).toContain('Pin third-party actions');
    expect(context).not.toContain('reversible');
    expect(context).toContain('`src/auth/**`');
  });
});
