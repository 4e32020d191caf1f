import { describe, expect, it } from 'vitest';
import type { Policy } from '../domain/policy.js';
import { FAKE_SECRETS as S } from '../secrets/test-secrets.js';
import { buildRepositoryContext } from './build-repository-context.js';

const review = (overrides: Partial<Policy['review']>): Policy['review'] => ({
  ignore_paths: [],
  max_comments: 25,
  min_severity: 'warning',
  instructions: '',
  path_instructions: [],
  ...overrides,
});

describe('buildRepositoryContext with a secret in the instructions', () => {
  it('redacts secrets from the instructions and the path instructions', () => {
    const context = buildRepositoryContext({
      review: review({
        instructions: `Tests log in with token ${S.githubToken}.`,
        path_instructions: [
          { paths: ['deploy/**'], instructions: `The staging key is ${S.openaiKey}; ignore it.` },
        ],
      }),
      paths: ['deploy/app.yml'],
    });

    expect(context).not.toContain(S.githubToken);
    expect(context).not.toContain(S.openaiKey);
    expect(context).toContain('Tests log in with token [REDACTED:github-token].');
    expect(context).toContain('The staging key is [REDACTED:openai-api-key]; ignore it.');
  });
});
