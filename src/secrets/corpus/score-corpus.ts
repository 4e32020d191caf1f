/**
 * How the redactor does on a corpus: the share of secrets it hides (recall), the share of
 * negatives it changes (false alarms), and the samples it gets wrong, by name.
 */
import { redactText } from '../redact-text.js';
import type { Corpus, Negative, Sample } from './build-corpus.js';

export interface Score {
  readonly total: number;
  readonly wrong: readonly string[];
  /** Right answers over all samples (recall for secrets). */
  readonly rate: number;
}

const score = <T extends { readonly name: string }>(
  samples: readonly T[],
  isRight: (sample: T) => boolean,
): Score => {
  const wrong = samples.filter((sample) => !isRight(sample)).map((sample) => sample.name);
  return { total: samples.length, wrong, rate: 1 - wrong.length / Math.max(1, samples.length) };
};

const isHidden = (sample: Sample): boolean => {
  const redacted = redactText(sample.text).text;
  return sample.hidden.every((value) => !redacted.includes(value));
};

const isLeftAlone = (negative: Negative): boolean =>
  redactText(negative.text).text === negative.text;

export interface CorpusScore {
  /** Recall on known formats beside a secret-sounding name, and on structured credentials. */
  readonly named: Score;
  /** Recall on self-identifying formats with no name beside them. */
  readonly bare: Score;
  /** `rate` is the share of negatives left alone; the false-alarm rate is `1 - rate`. */
  readonly negatives: Score;
}

export const scoreCorpus = (corpus: Corpus): CorpusScore => ({
  named: score(corpus.named, isHidden),
  bare: score(corpus.bare, isHidden),
  negatives: score(corpus.negatives, isLeftAlone),
});
