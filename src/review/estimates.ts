/** Output tokens assumed by pre-call estimates: the answer plus the model's reasoning. */
export const ESTIMATED_OUTPUT_TOKENS = { fast: 1_500, deep: 6_000 } as const;
