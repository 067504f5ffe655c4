/** 32-bit FNV-1a: a deterministic stand-in for randomness, so the same request always yields the same pack. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Orders items by the hash of a key: a fixed shuffle. */
export function stableShuffle<Item>(items: Item[], key: (item: Item) => string): Item[] {
  return [...items].sort(
    (left, right) =>
      stableHash(key(left)) - stableHash(key(right)) || key(left).localeCompare(key(right)),
  );
}
