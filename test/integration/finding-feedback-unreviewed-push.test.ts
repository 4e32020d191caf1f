/**
 * A fix pushed after the review and merged before that push was reviewed (its review never ran):
 * the read at close compares the head the findings were posted on with the final one, so the
 * finding whose suggestion the fix applied is acted-on all the same.
 */
import { describe, expect, it } from 'vitest';
import { DATE_FILE, FINDINGS } from '../helpers/feedback-story.js';
import { APPLIED_A_TO_B, useFeedbackFlow, type FeedbackFlow } from '../helpers/feedback-flow.js';
import { mockCompare } from '../helpers/github-conversation.js';
import { prFile, pullRequestEvent } from '../helpers/github-payloads.js';
import { A, B } from '../helpers/push-patches.js';
import type { TestApp } from '../helpers/test-app.js';

let app: TestApp;
let flow: FeedbackFlow;
useFeedbackFlow((started, made) => {
  app = started;
  flow = made;
});

describe('the feedback on findings, when the last push was never reviewed', () => {
  it('follows the findings to the final head at close', async () => {
    const bodies = await flow.reviewAtA();
    const scopes = [
      ...flow.mockClose(bodies),
      mockCompare(A, B, { files: [prFile(DATE_FILE, APPLIED_A_TO_B)] }),
    ];

    await flow.receive('close-1', 'pull_request', pullRequestEvent('closed', { headSha: B }));

    for (const scope of scopes) scope.done();
    expect(app.errors).toEqual([]);
    const findings = await flow.cli('--format', 'json');
    const applied = findings.find(
      (f) => f.path === FINDINGS.applied.path && f.line === FINDINGS.applied.line,
    );
    expect(applied).toMatchObject({
      outcome: 'acted-on',
      signals: ['suggestion-applied', 'lines-changed'],
    });
  });
});
