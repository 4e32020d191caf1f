/**
 * The secrets corpus, built at run time from a seed: every token format in every assignment
 * shape, every self-identifying format in every shape with no name beside it, the structured
 * credentials, and the negatives (placeholders and near-misses).
 */
import { ASSIGNMENT_SHAPES, BARE_SHAPES, hiddenValue } from './assignment-shapes.js';
import { type Negative, negativeSamples } from './negative-samples.js';
import { seededRandom } from './random-text.js';
import { type Sample, structuredSamples } from './structured-samples.js';
import { TOKEN_FORMATS } from './token-formats.js';

export type { Negative } from './negative-samples.js';
export type { Sample } from './structured-samples.js';

export interface Corpus {
  /** A known format beside a secret-sounding name, in each shape; and the structured ones. */
  readonly named: readonly Sample[];
  /** A self-identifying format with no name beside it. */
  readonly bare: readonly Sample[];
  readonly negatives: readonly Negative[];
}

export const buildCorpus = (seed = 13): Corpus => {
  const random = seededRandom(seed);
  const named: Sample[] = [];
  const bare: Sample[] = [];
  for (const format of TOKEN_FORMATS) {
    for (const shape of ASSIGNMENT_SHAPES) {
      const value = format.make(random);
      named.push({
        name: `${format.name} in ${shape.name}`,
        text: shape.render(format.stem, value),
        hidden: [hiddenValue(shape.name, value)],
      });
    }
    if (!format.selfIdentifying) continue;
    for (const shape of BARE_SHAPES) {
      const value = format.make(random);
      bare.push({
        name: `${format.name} ${shape.name}`,
        text: shape.render(format.stem, value),
        hidden: [value],
      });
    }
  }
  named.push(...structuredSamples(random));
  return { named, bare, negatives: negativeSamples(random) };
};
