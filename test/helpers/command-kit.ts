/** Shared pieces of the pull request command tests: files, a comment sender, the mocks of `/review`. */
import type { TestApp } from './test-app.js';
import { issueCommentEvent, type CommentOptions } from './comment-payloads.js';
import { mockPullRequest } from './github-mock.js';
import { prFile, pullRequestObject } from './github-payloads.js';

export const HEAD = 'c0ffee'.padEnd(40, '0');
export const NOW = '2026-11-21T10:00:00.000Z';
export const PULL = { repo: 'acme/api', pr: 7 } as const;

export const ROUTINE_FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = (d: Date) => {\n-  return d.toISOString();\n+  const iso = d.toISOString();\n+  return iso.slice(0, 10);\n };',
  ),
  prFile(
    'test/format-date.test.ts',
    "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
  ),
];

export const RISKY_FILES = [
  prFile(
    'src/auth/session.ts',
    "@@ -10,3 +10,4 @@ export function verify(token: string) {\n   const session = sessions.get(token);\n+  if (session?.user === 'admin') return session;\n   return session ?? null;\n }",
  ),
];

/** Delivers an issue_comment webhook and waits for the queue. */
export const commentOn =
  (app: () => TestApp) =>
  async (id: string, body: string, options: CommentOptions = {}): Promise<void> => {
    await app().probot.receive({
      id,
      name: 'issue_comment',
      payload: issueCommentEvent(body, options) as never,
    });
    await app().queue.idle();
  };

/** `/review` reads the pull request once for its head, then the pipeline twice (intake reads none). */
export const mockPullForCommand = (files: Array<Record<string, any>>, pullReads = 3) =>
  mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files, pullReads });
