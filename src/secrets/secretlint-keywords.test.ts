import { describe, expect, it } from 'vitest';
import { CHECKED_VERSION, gatedRules, isChecked, ruleName } from './secretlint-keywords.js';
import { scanners } from './secretlint-ranges.js';

describe("secretlint's rules, gated by keywords", () => {
  it('were read from the installed preset: check every rule again after bumping it', () => {
    expect(isChecked(), `the keywords were read from version ${CHECKED_VERSION}`).toBe(true);
  });

  it('gate every rule of the checked version, and none of another version', () => {
    expect(
      gatedRules()
        .filter((entry) => entry.keywords.length === 0)
        .map((entry) => ruleName(entry.rule)),
    ).toEqual([]);
    const unchecked = gatedRules(scanners(), false);
    expect(unchecked.every((entry) => entry.keywords.length === 0 && entry.spansLines)).toBe(true);
    expect(isChecked('99.0.0')).toBe(false);
  });

  it('run a rule whose pattern may span lines on the whole text', () => {
    const spanning = gatedRules()
      .filter((entry) => entry.spansLines)
      .map((entry) => ruleName(entry.rule));
    expect(spanning.sort()).toEqual(['privatekey']);
  });
});
