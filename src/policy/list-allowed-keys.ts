/** The keys a strict zod object schema allows at a path inside it (for "did you mean"). */
import { z } from 'zod';
import type { PathSegment } from './types.js';

const unwrap = (schema: z.core.$ZodType): z.core.$ZodType => {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodExactOptional ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap();
  }
  return current;
};

const step = (schema: z.core.$ZodType, segment: PathSegment): z.core.$ZodType | null => {
  const node = unwrap(schema);
  if (node instanceof z.ZodArray && typeof segment === 'number') return node.element;
  if (node instanceof z.ZodObject && typeof segment === 'string') {
    const shape = node.shape as Record<string, z.core.$ZodType>;
    return Object.hasOwn(shape, segment) ? (shape[segment] ?? null) : null;
  }
  return null;
};

/** Empty when the path does not lead to an object schema. */
export const listAllowedKeys = (
  schema: z.core.$ZodType,
  path: readonly PathSegment[],
): string[] => {
  let node: z.core.$ZodType | null = schema;
  for (const segment of path) {
    if (node === null) return [];
    node = step(node, segment);
  }
  if (node === null) return [];
  const target = unwrap(node);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
};

/**
 * Where else in the schema `key` is allowed, as dotted paths (`review.max_comments`): for a key
 * written at the wrong level. Lists are looked into as `[]`.
 */
export const findKeyElsewhere = (schema: z.core.$ZodType, key: string): string[] => {
  const found: string[] = [];
  const visit = (node: z.core.$ZodType, at: string): void => {
    const target = unwrap(node);
    if (target instanceof z.ZodArray) return visit(target.element, `${at}[]`);
    if (!(target instanceof z.ZodObject)) return;
    const shape: Record<string, z.core.$ZodType> = target.shape;
    for (const [name, child] of Object.entries(shape)) {
      const path = at === '' ? name : `${at}.${name}`;
      if (name === key) found.push(path);
      visit(child, path);
    }
  };
  visit(schema, '');
  return found;
};
