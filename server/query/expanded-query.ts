import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { Expansion } from './colloquial-expansion.ts';

/** The question as it is ranked: its own tokens plus weighted policy terms standing in for its everyday words. */
export interface ExpandedQuery {
  tokens: string[];
  /** BM25 weight of each expansion token (the question's own tokens weigh 1). */
  expansionWeights: Map<string, number>;
  /** The everyday phrase each expansion token stands in for (the one that gave it its weight). */
  expansionPhrases: Map<string, string>;
  /** Texts to embed and their weights in the combined query vector. */
  vectorParts: Array<{ text: string; weight: number }>;
  /** For coverage: question tokens that the expansion may satisfy, with the (normalised) policy terms that do. */
  alternatives: Map<string, string[]>;
}

/**
 * Each matched everyday phrase brings its policy terms in at a weight that follows how specific the phrase is:
 * 托儿所 pulls hard toward 普惠托育, while a generic 上班 or 安全 pulls only a little; and, within its entry, how close
 * the term is to the phrase (listed closest first, each later one × policyTermDecay).
 */
export function expandQuery(
  query: string,
  expansion: Expansion,
  tuning: { expansionWeight: number; specificIdf: number; policyTermDecay: number },
): ExpandedQuery {
  const idf = loadGeneralIdf();
  const tokens = tokenize(query);
  const own = new Set(tokens);
  const expansionWeights = new Map<string, number>();
  const expansionPhrases = new Map<string, string>();
  const vectorParts = [{ text: query, weight: 1 }];
  const alternatives = new Map<string, string[]>();
  for (const { phrase, policy, policyForMatch } of expansion.pairs) {
    const base = tuning.expansionWeight * Math.min(1, idf.weight(phrase) / tuning.specificIdf);
    // The entry's first term is the plan's closest word for the phrase; later ones stand in a little less.
    policy.forEach((term, index) => {
      const weight = base * tuning.policyTermDecay ** index;
      for (const token of tokenize(term)) {
        if (own.has(token) || weight <= (expansionWeights.get(token) ?? -1)) continue;
        expansionWeights.set(token, weight);
        expansionPhrases.set(token, phrase);
      }
    });
    const weight = base;
    vectorParts.push({ text: policy.join(' '), weight });
    // Every question token that is, or contains, the phrase (退伍 and 退伍兵) may be satisfied by the policy words.
    for (const token of tokens.filter(
      (candidate) => candidate.includes(phrase) || phrase.includes(candidate),
    )) {
      alternatives.set(token, [...(alternatives.get(token) ?? []), ...policyForMatch]);
    }
  }
  return { tokens, expansionWeights, expansionPhrases, vectorParts, alternatives };
}

/** Weighted sum of unit vectors, normalised: the query vector that leans toward the expansion terms. */
export function combineVectors(vectors: number[][], weights: number[]): number[] {
  const length = vectors[0]?.length ?? 0;
  const combined = new Array<number>(length).fill(0);
  vectors.forEach((vector, index) => {
    const weight = weights[index] ?? 0;
    for (let position = 0; position < length; position += 1)
      combined[position]! += weight * (vector[position] ?? 0);
  });
  let sum = 0;
  for (const value of combined) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return combined;
  for (let position = 0; position < length; position += 1)
    combined[position] = combined[position]! / norm;
  return combined;
}
