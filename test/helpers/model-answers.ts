/** Model answers for tests: valid by default, override any field (src/review/schema.ts). */
import type { Finding, ModelAnswer } from '../../src/domain/model-answer.js';

export const finding = (overrides: Partial<Finding> = {}): Finding => ({
  path: 'src/auth/session.ts',
  line: 42,
  start_line: null,
  side: 'RIGHT',
  severity: 'error',
  category: 'security',
  title: 'Session token compared with ===',
  body: 'A plain comparison leaks timing. Use `crypto.timingSafeEqual`.',
  suggestion: 'return timingSafeEqual(Buffer.from(a), Buffer.from(b));',
  ...overrides,
});

export const modelAnswer = (overrides: Partial<ModelAnswer> = {}): ModelAnswer => ({
  summary:
    'Adds a 30-minute session expiry. One comparison of session tokens is not constant-time.',
  escalate: { needed: false, reason: '' },
  findings: [finding()],
  ...overrides,
});
