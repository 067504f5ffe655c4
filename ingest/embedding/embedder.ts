/** Turns texts into vectors. The offline and OpenAI-compatible implementations satisfy this same interface. */
export interface Embedder {
  /** Recorded in the index manifest; an index is only loaded by an embedder with the same id. */
  readonly id: string;
  /** Vector length, or null until the first call when a remote model does not declare it. */
  readonly dimensions: number | null;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

export function l2Normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
