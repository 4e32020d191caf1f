/** How much code each tier sees, and how much of the token budget that code may take. */
import { CONTEXT_LEVELS, type ContextLevel, type Policy } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';

/** The fast tier sees the functions around each change; the deep tier sees what they touch. */
export const DEFAULT_CONTEXT_LEVEL: Readonly<Record<Tier, ContextLevel>> = {
  fast: 'functions',
  deep: 'related',
};

export const contextLevelOf = (policy: Policy, tier: Tier): ContextLevel =>
  policy.models[tier].context ?? DEFAULT_CONTEXT_LEVEL[tier];

/** The deepest level the given tiers use: what must be read for them. */
export const deepestLevel = (policy: Policy, tiers: readonly Tier[]): ContextLevel =>
  tiers
    .map((tier) => contextLevelOf(policy, tier))
    .reduce<ContextLevel>(
      (deepest, level) =>
        CONTEXT_LEVELS.indexOf(level) > CONTEXT_LEVELS.indexOf(deepest) ? level : deepest,
      'diff',
    );

/** `functions` widens the diff: at most this share on top of the diff's own tokens. */
export const FUNCTIONS_SHARE_OF_DIFF = 0.3;
/** `files` and `related` may take this share of the whole input budget. */
export const CONTEXT_SHARE_OF_INPUT = 0.5;
/** Below this, widening is not worth a block: a small diff still gets its enclosing function. */
const MIN_FUNCTIONS_TOKENS = 400;

/** The most tokens the code context may take at `level`, before what the diff left is applied. */
export const contextShare = (
  level: ContextLevel,
  maxInputTokens: number,
  diffTokens: number,
): number => {
  switch (level) {
    case 'diff':
      return 0;
    case 'functions':
      return Math.max(MIN_FUNCTIONS_TOKENS, Math.floor(diffTokens * FUNCTIONS_SHARE_OF_DIFF));
    case 'files':
    case 'related':
      return Math.floor(maxInputTokens * CONTEXT_SHARE_OF_INPUT);
  }
};

/**
 * The shortest prefix each model caches (Anthropic: 4,096 tokens on Opus 4.5/4.6 and Haiku 4.5,
 * 2,048 on Sonnet 4.6; OpenAI: 1,024). Below it a breakpoint caches nothing; an unknown Claude
 * model is assumed to need the larger minimum.
 */
export const cacheMinimumTokens = (provider: string, model: string): number => {
  if (provider === 'openai') return 1_024;
  if (/sonnet/.test(model)) return 2_048;
  return 4_096;
};
