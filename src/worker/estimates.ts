/** Output tokens assumed by pre-call estimates: the answer plus the model's reasoning. */
export const ESTIMATED_OUTPUT_TOKENS = { fast: 1_500, deep: 6_000 } as const;
export const ESTIMATED_DEEP_OUTPUT_TOKENS = ESTIMATED_OUTPUT_TOKENS.deep;
