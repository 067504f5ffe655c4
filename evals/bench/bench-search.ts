import type { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { percentile } from '../metrics/retrieval-metrics.ts';

/**
 * Search latency once loaded. "First time" asks each question once (nothing about it is cached yet); "repeated"
 * asks the same questions again, as popular questions are in practice.
 */
export async function benchSearch(retriever: HybridRetriever, questions: string[], rounds: number) {
  const first: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await retriever.search(question);
    first.push(performance.now() - started);
  }
  const repeated: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const started = performance.now();
      await retriever.search(question);
      repeated.push(performance.now() - started);
    }
  }
  return {
    queries: questions.length,
    firstTimeMs: { p50: percentile(first, 50), p95: percentile(first, 95) },
    repeatedMs: { p50: percentile(repeated, 50), p95: percentile(repeated, 95) },
  };
}
