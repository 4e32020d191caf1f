import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/model-answer.js';
import { fingerprintMarker, renderBodyFinding, renderInlineComment } from './render-comment.js';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line: 5,
  start_line: 3,
  side: 'RIGHT',
  severity: 'error',
  category: 'bug',
  title: 'Off by one',
  body: 'The loop stops early.',
  suggestion: 'for (let i = 0; i <= n; i++) {',
  ...overrides,
});

describe('renderInlineComment with extras', () => {
  it('spans the range, shows the confidence and hides the fingerprint at the end', () => {
    const comment = renderInlineComment(finding({ confidence: 0.82 }), null, {
      suggestion: 'block',
      fingerprint: 'f'.repeat(32),
    });
    expect(comment).toMatchObject({
      path: 'src/a.ts',
      line: 5,
      start_line: 3,
      start_side: 'RIGHT',
      side: 'RIGHT',
    });
    expect(comment.body.startsWith('🔴 **Error** (82% confident) · bug — Off by one')).toBe(true);
    expect(comment.body).toContain('```suggestion\nfor (let i = 0; i <= n; i++) {\n```');
    expect(comment.body.endsWith(`\n\n${fingerprintMarker('f'.repeat(32))}`)).toBe(true);
  });

  it('shows proposed code as a plain block when it cannot be a suggestion, or not at all', () => {
    const code = renderInlineComment(finding(), null, { suggestion: 'code' }).body;
    expect(code).not.toContain('```suggestion');
    expect(code).toContain('Proposed code:\n\n```\nfor (let i = 0; i <= n; i++) {\n```');
    expect(renderInlineComment(finding(), null, { suggestion: 'none' }).body).not.toContain(
      'for (let',
    );
  });
});

describe('renderBodyFinding', () => {
  it('never puts a suggestion block in the review body', () => {
    const text = renderBodyFinding(finding(), null);
    expect(text).not.toContain('```suggestion');
    expect(text).toContain('Proposed code:');
  });

  it('says a line on the old side is numbered before the change', () => {
    expect(renderBodyFinding(finding({ side: 'LEFT', line: 12 }), null)).toMatch(
      /^- `[^`]+` line 12 \(before the change\): /,
    );
    expect(renderBodyFinding(finding({ side: 'RIGHT', line: 12 }), null)).toMatch(
      /^- `[^`]+` line 12: /,
    );
  });
});
