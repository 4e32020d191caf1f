/** The pull request of the feedback story: five findings at head A, one suggestion applied at B. */
import { finding } from './model-answers.js';
import { A } from './push-patches.js';

export const DATE_FILE = 'src/utils/format-date.ts';
export const TEST_FILE = 'test/format-date.test.ts';
export const APPLIED = "  return iso.slice(0, 10) + 'Z';";

export const FINDINGS = {
  applied: finding({
    path: DATE_FILE,
    line: 3,
    severity: 'warning',
    category: 'correctness',
    title: 'Day without zone',
    suggestion: APPLIED.trim(),
  }),
  liked: finding({
    path: DATE_FILE,
    line: 2,
    severity: 'error',
    category: 'correctness',
    title: 'ISO string in local time',
    suggestion: null,
  }),
  disliked: finding({
    path: TEST_FILE,
    line: 2,
    severity: 'warning',
    category: 'style',
    title: 'Test name too short',
    suggestion: null,
  }),
  ignored: finding({
    path: DATE_FILE,
    line: 1,
    severity: 'warning',
    category: 'style',
    title: 'Doubled export keyword',
    suggestion: null,
  }),
  resolved: finding({
    path: TEST_FILE,
    line: 1,
    severity: 'warning',
    category: 'style',
    title: 'Relative import',
    suggestion: null,
  }),
};

/** A pull_request_review_thread event on the thread whose first comment is `body`. */
export const threadEvent = (action: string, body: string, sender = 'maintainer') => ({
  action,
  installation: { id: 42 },
  repository: { name: 'api', owner: { login: 'acme' } },
  pull_request: { number: 7, head: { sha: A } },
  thread: {
    node_id: 'T1',
    comments: [{ id: 1, body, user: { login: 'review-router[bot]', type: 'Bot' } }],
  },
  sender: { login: sender, type: sender.endsWith('[bot]') ? 'Bot' : 'User' },
});
