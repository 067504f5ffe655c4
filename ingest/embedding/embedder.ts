/** Turns texts into vectors. The offline and OpenAI-compatible implementations satisfy this same interface. */
export interface Embedder {
  /** Recorded in the index manifest; an index is only loaded by an embedder with the same id. */
  readonly id: string;
  /** Vector length, or null until the first call when a remote model does not declare it. */
  readonly dimensions: number | null;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

export function l2Normalize(vector: number[]): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return vector;
  const normalized = new Array<number>(vector.length);
  for (let index = 0; index < vector.length; index += 1) normalized[index] = vector[index]! / norm;
  return normalized;
}
