import { describe, expect, it } from 'vitest';
import { collapseSummary, REPLACED_MARKER } from './collapse-summary.js';
import { FINDINGS_END, FINDINGS_START, SUMMARY_MARKER } from './render-summary.js';

const NEWER = {
  headSha: 'b'.repeat(40),
  url: 'https://github.com/acme/api/pull/7#pullrequestreview-81',
};

describe('collapseSummary', () => {
  it('cuts an older summary down to a pointer and keeps the findings it listed', () => {
    const findings = `${FINDINGS_START}\n#### Findings outside the diff's lines (1)\n- \`a.ts\` line 40: …\n${FINDINGS_END}`;
    const body = `${SUMMARY_MARKER}\n### review-router · fast review\n\n**Cost:** $0.02\n\n${findings}\n\nfooter`;
    expect(collapseSummary(body, NEWER)).toBe(
      [
        REPLACED_MARKER,
        '<sub>review-router: this summary is out of date. The current one is in the [review of `bbbbbbb`](https://github.com/acme/api/pull/7#pullrequestreview-81).</sub>',
        '',
        findings,
      ].join('\n'),
    );
  });

  it('leaves a body alone that is not a summary, or already cut down', () => {
    expect(collapseSummary('A person edited this.', NEWER)).toBeNull();
    const once = collapseSummary(`${SUMMARY_MARKER}\nold`, NEWER) ?? '';
    expect(once).not.toContain('old');
    expect(collapseSummary(`${SUMMARY_MARKER}\n${once}`, NEWER)).toBeNull();
  });
});
