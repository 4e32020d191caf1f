import { describe, expect, it } from 'vitest';
import { readOwnerAndName } from './name-repository.js';

describe('readOwnerAndName', () => {
  it.each([
    ['https://github.com/octo/app.git', 'octo/app'],
    ['https://github.com/octo/app', 'octo/app'],
    ['git@github.com:octo/app.git', 'octo/app'],
    ['ssh://git@ghe.example.com/octo/app.js.git', 'octo/app.js'],
  ])('reads %s as %s', (url, name) => {
    expect(readOwnerAndName(url)).toBe(name);
  });

  it('reads nothing from a bare word', () => {
    expect(readOwnerAndName('origin')).toBeNull();
  });
});
