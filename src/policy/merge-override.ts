/**
 * Deep merge for policy layers: objects merge key by key, everything else (arrays included)
 * replaces. deepmerge's default would concatenate arrays and so duplicate routing rules.
 */

/**
 * Objects that are one choice, replaced whole: a repository's `fallback: { provider: openai,
 * model: … }` over its org's Anthropic fallback must not keep the org's `effort: max`, which
 * OpenAI refuses.
 */
const WHOLE = new Set(['fallback']);

/** A layer over `T`: any key may be left out; nested objects are layers too; arrays are whole. */
export type Override<T> = {
  readonly [K in keyof T]?:
    | (T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Override<T[K]> : T[K])
    | undefined;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const mergeOverride = <T extends object>(base: T, override: Override<T>): T => {
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      !WHOLE.has(key) && isPlainObject(current) && isPlainObject(value)
        ? mergeOverride(current, value)
        : value;
  }
  // Every key came from `base` (a T) or from `override`, whose values have T's types.
  return merged as T;
};
