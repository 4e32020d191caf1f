/**
 * The most findings one answer may hold: the answer's schema enforces it, and the instructions
 * say it. A module of its own, so building a prompt does not load the schema's zod.
 */
export const MAX_FINDINGS = 50;
