import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectFirstTimeContributor } from './detect-first-time-contributor.js';
import { testContext } from './test-context.js';

describe('detectFirstTimeContributor', () => {
  it.each([
    ['FIRST_TIME_CONTRIBUTOR', 'first contribution to this repository (FIRST_TIME_CONTRIBUTOR)'],
    ['FIRST_TIMER', 'first contribution to GitHub (FIRST_TIMER)'],
    ['NONE', 'author has no association with the repository (NONE)'],
    ['first_timer', 'first contribution to GitHub (FIRST_TIMER)'],
  ])('flags an author whose association is %s', (association, message) => {
    const ctx = testContext([testFile('src/a.ts')], { authorAssociation: association });
    expect(detectFirstTimeContributor(ctx)).toEqual({
      id: 'first-time-contributor',
      weight: 0.05,
      message,
      paths: [],
    });
  });

  it.each(['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', null])(
    'does not flag an author whose association is %s',
    (association) => {
      const ctx = testContext([testFile('src/a.ts')], { authorAssociation: association });
      expect(detectFirstTimeContributor(ctx)).toBeNull();
    },
  );
});
