/** `['routing', 'rules', 0, 'when', 'lables']` -> `routing.rules[0].when.lables`. */
import type { PathSegment } from './types.js';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export const formatPolicyPath = (path: readonly PathSegment[]): string =>
  path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!PLAIN_KEY.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
