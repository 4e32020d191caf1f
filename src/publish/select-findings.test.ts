import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/model-answer.js';
import { selectFindings } from './select-findings.js';

const finding = (title: string, overrides: Partial<Finding> = {}): Finding => ({
  path: 'src/a.ts',
  line: 1,
  start_line: null,
  side: 'RIGHT',
  severity: 'warning',
  category: 'bug',
  title,
  body: 'Why.',
  suggestion: null,
  ...overrides,
});

const select = (findings: Finding[], sets: { posted?: string[]; resolved?: string[] } = {}) =>
  selectFindings({
    findings,
    fingerprint: (item) => item.title.toLowerCase(),
    posted: new Set(sets.posted ?? []),
    resolved: new Set(sets.resolved ?? []),
  });

describe('selectFindings', () => {
  it('keeps new findings in the order of the answer, each with its fingerprint', () => {
    const a = finding('A');
    const b = finding('B');
    const selected = select([a, b]);
    expect(selected.findings).toEqual([a, b]);
    expect([...selected.fingerprints.values()]).toEqual(['a', 'b']);
  });

  it.each(['praise', 'Positive', 'good practice', 'restatement', 'summary', 'LGTM'])(
    'drops a finding whose category (%s) names no problem',
    (category) => {
      const selected = select([finding('A', { category, severity: 'info' }), finding('B')]);
      expect(selected.findings.map((item) => item.title)).toEqual(['B']);
      expect(selected.suppressed.notAProblem).toBe(1);
    },
  );

  it('drops findings the model is less than half sure of, and keeps those without a confidence', () => {
    const selected = select([
      finding('A', { confidence: 0.49 }),
      finding('B', { confidence: 0.5 }),
      finding('C', { confidence: null }),
      finding('D'),
    ]);
    expect(selected.findings.map((item) => item.title)).toEqual(['B', 'C', 'D']);
    expect(selected.suppressed.lowConfidence).toBe(1);
  });

  it('keeps one finding per fingerprint in an answer, the most severe one', () => {
    const selected = select([
      finding('A', { severity: 'info', line: 1 }),
      finding('a', { severity: 'error', line: 9 }),
      finding('A', { severity: 'warning', line: 5 }),
    ]);
    expect(selected.findings.map((item) => [item.severity, item.line])).toEqual([['error', 9]]);
    expect(selected.suppressed.repeated).toBe(2);
  });

  it('does not repeat what was posted before, and counts a resolved thread as resolved', () => {
    const selected = select([finding('A'), finding('B'), finding('C')], {
      posted: ['a', 'b'],
      resolved: ['b'],
    });
    expect(selected.findings.map((item) => item.title)).toEqual(['C']);
    expect(selected.suppressed).toEqual({
      notAProblem: 0,
      lowConfidence: 0,
      repeated: 0,
      alreadyPosted: 1,
      resolved: 1,
    });
  });
});
