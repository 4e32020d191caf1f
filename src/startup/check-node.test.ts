import { describe, expect, it } from 'vitest';
import { nodeProblem } from './check-node.js';

describe('nodeProblem', () => {
  it('lets a Node with node:sqlite run the app', () => {
    expect(nodeProblem()).toBeNull();
    expect(nodeProblem(true, 'v22.13.0')).toBeNull();
  });

  it('says what to do on a Node that gives node:sqlite only behind a flag', () => {
    expect(nodeProblem(false, 'v22.12.0')).toBe(
      'review-router needs node:sqlite, which this Node (v22.12.0) does not give without a flag. To resolve, run it on Node 24 LTS (or 22.13 and later); on Node 22.12, start it with `node --experimental-sqlite`.',
    );
  });
});
