import { describe, expect, it } from 'vitest';
import { keywordGate } from './keyword-gate.js';
import type { SecretDetector } from './types.js';

const detector = (kind: string, keywords: string[], casedKeywords = false): SecretDetector => ({
  kind,
  keywords,
  casedKeywords,
  pattern: /x/dg,
});

const DETECTORS = [
  detector('github', ['gh']),
  detector('stripe', ['sk_live_']),
  detector('account-key', ['accountkey=']),
  detector('key', ['key']),
  detector('telegram', [':AA'], true),
  detector('maxmind', ['_mmk'], true),
  detector('pipe', ['|', '%'], true),
  detector('always', []),
  detector('accent', ['clé']),
];
const gate = keywordGate(DETECTORS);
const kinds = (text: string): string[] => gate.select(text).map((found) => found.kind);

describe('keywordGate', () => {
  it('selects a detector whose keyword occurs in any case, and those with no keywords', () => {
    expect(kinds('const x = GH_TOKEN')).toEqual(['github', 'always']);
    expect(kinds('SK_LIVE_abc')).toEqual(['stripe', 'always']);
    expect(kinds('nothing here')).toEqual(['always']);
  });

  it('finds a keyword inside a longer one, overlapping ones, and keywords at either end', () => {
    expect(kinds('AccountKey=abc')).toEqual(['account-key', 'key', 'always']);
    expect(kinds('ssk_live_')).toEqual(['stripe', 'always']);
    expect(kinds('key')).toEqual(['key', 'always']);
    expect(kinds('the end: gh')).toEqual(['github', 'always']);
  });

  it('counts a cased keyword only where its case matches, at any of its occurrences', () => {
    expect(kinds('123:aa 456:Aa')).toEqual(['always']);
    expect(kinds('123:aa then 456:AA')).toEqual(['telegram', 'always']);
    expect(kinds('_MMK')).toEqual(['always']);
  });

  it('finds one-character keywords and keywords beyond ASCII', () => {
    expect(kinds('a | b')).toEqual(['pipe', 'always']);
    expect(kinds('50%')).toEqual(['pipe', 'always']);
    expect(kinds('la CLÉ est')).toEqual(['always', 'accent']);
  });

  it('does not take a character beyond ASCII for the ASCII letter it resembles', () => {
    // U+212A KELVIN SIGN and U+017F LONG S fold to `k` and `s` only under Unicode case folding.
    expect(kinds('\u212Aey')).toEqual(['always']);
    expect(kinds('\u017Fk_live_')).toEqual(['always']);
  });
});
