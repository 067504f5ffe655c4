import { createHash } from 'node:crypto';

/** The two halves of the dataset: `dev` may be looked at while improving the system, `test` is what the gate checks. */
export const HALVES = ['dev', 'test'] as const;
export type Half = (typeof HALVES)[number];

/**
 * The half an item belongs to, from its id alone: the first byte of SHA-256 of the id (UTF-8), even → dev, odd →
 * test. Adding, removing or reordering other items never moves an item; only renaming it can. Pure.
 */
export function halfOf(id: string): Half {
  const firstByte = createHash('sha256').update(id, 'utf8').digest()[0]!;
  return firstByte % 2 === 0 ? 'dev' : 'test';
}
