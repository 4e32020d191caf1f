import { describe, expect, it } from 'vitest';
import { buildCorpus } from './build-corpus.js';
import { scoreCorpus } from './score-corpus.js';

describe('the secrets corpus', () => {
  const corpus = buildCorpus();
  const score = scoreCorpus(corpus);

  it('holds every format in every shape, bare formats, and negatives', () => {
    expect(corpus.named.length).toBeGreaterThan(3000);
    expect(corpus.bare.length).toBeGreaterThan(200);
    expect(corpus.negatives.length).toBeGreaterThan(400);
  });

  it('hides at least 95% of known formats written beside a secret-sounding name', () => {
    expect(score.named.rate, score.named.wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('hides at least 95% of self-identifying formats with no name beside them', () => {
    expect(score.bare.rate, score.bare.wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('changes at most 3% of placeholders and near-misses', () => {
    expect(1 - score.negatives.rate, score.negatives.wrong.join('\n')).toBeLessThanOrEqual(0.03);
  });

  it('is the same corpus on every run, and a different one from another seed', () => {
    expect(buildCorpus().named.map((sample) => sample.text)).toEqual(
      corpus.named.map((sample) => sample.text),
    );
    expect(buildCorpus(14).named[0]?.text).not.toBe(corpus.named[0]?.text);
  });
});
