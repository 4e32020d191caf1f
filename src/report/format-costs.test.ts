import { describe, expect, it } from 'vitest';
import { formatCosts, formatDollars } from './format-costs.js';

const data = [
  { repo: 'acme/api', reviews: 3, costUsd: 0.0123, savedUsd: 1.5, note: null, deep: true },
  {
    repo: 'acme/web, "beta"',
    reviews: 12,
    costUsd: 0.000012,
    savedUsd: -0.02,
    note: 'x',
    deep: false,
  },
];

describe('formatCosts', () => {
  it('prints JSON as a pretty array that parses back to the same data', () => {
    const out = formatCosts(data, 'json');
    expect(JSON.parse(out)).toEqual(data);
    expect(out.split('\n')[1]).toBe('  {');
  });

  it('prints an empty JSON array for no rows', () => {
    expect(formatCosts([], 'json')).toBe('[]');
  });

  it('prints CSV with a header, quoting where needed and keeping raw numbers', () => {
    expect(formatCosts(data, 'csv')).toBe(
      [
        'repo,reviews,costUsd,savedUsd,note,deep',
        'acme/api,3,0.0123,1.5,,true',
        '"acme/web, ""beta""",12,0.000012,-0.02,x,false',
      ].join('\n'),
    );
  });

  it('prints only the CSV header when there are no rows but the columns are known', () => {
    expect(formatCosts([], 'csv', ['repo', 'costUsd'])).toBe('repo,costUsd');
    expect(formatCosts([], 'csv')).toBe('');
  });

  it('puts the CSV columns in the order given', () => {
    expect(formatCosts([{ a: 1, b: 2 }], 'csv', ['b', 'a'])).toBe('b,a\n2,1');
  });

  it('uses every key that appears as a CSV column', () => {
    expect(formatCosts([{ a: 1 }, { b: 2 }], 'csv')).toBe('a,b\n1,\n,2');
  });

  it('prints a table with dollars as $ amounts, numbers right-aligned and no colour codes', () => {
    expect(formatCosts(data, 'table')).toBe(
      [
        '┌──────────────────┬─────────┬───────────┬──────────┬──────┬───────┐',
        '│ repo             │ reviews │   costUsd │ savedUsd │ note │ deep  │',
        '├──────────────────┼─────────┼───────────┼──────────┼──────┼───────┤',
        '│ acme/api         │       3 │   $0.0123 │  $1.5000 │      │ true  │',
        '│ acme/web, "beta" │      12 │ $0.000012 │ -$0.0200 │ x    │ false │',
        '└──────────────────┴─────────┴───────────┴──────────┴──────┴───────┘',
      ].join('\n'),
    );
  });

  it('says so when the table has no rows', () => {
    expect(formatCosts([], 'table')).toBe('(no rows)');
  });
});

describe('formatDollars', () => {
  it.each([
    [0, '$0.0000'],
    [0.0123, '$0.0123'],
    [0.01234567, '$0.0123'],
    [0.001, '$0.0010'],
    [0.00042, '$0.00042'],
    [0.000012, '$0.000012'],
    [0.000000001, '$0.000000001'],
    [12.5, '$12.5000'],
    [-0.02, '-$0.0200'],
  ])('shows %d as %s', (usd, expected) => {
    expect(formatDollars(usd)).toBe(expected);
  });
});
