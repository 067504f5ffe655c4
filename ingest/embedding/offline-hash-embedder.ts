import { tokenize } from '../tokenizer.ts';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { l2Normalize, type Embedder } from './embedder.ts';
import { loadGeneralIdf } from './general-idf.ts';

const DIMENSIONS = 1024;
const BIGRAM_WEIGHT = 2.5;

/**
 * The offline default: deterministic, no network, no model files. A text becomes a signed feature-hashed bag of
 * its jieba words (weighted by general-language IDF) and character bigrams (which catch partial overlaps such as
 * 供暖/清洁供暖 that word boundaries miss), normalised to unit length so that inner product is cosine similarity.
 */
export class OfflineHashEmbedder implements Embedder {
  readonly id = 'offline-hash-v1';
  readonly dimensions = DIMENSIONS;

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const vector = new Array<number>(DIMENSIONS).fill(0);
    const idf = loadGeneralIdf();
    for (const [token, count] of countOf(tokenize(text))) {
      addFeature(vector, WORD, token, (1 + Math.log(count)) * idf.weight(token));
    }
    const compact = normalizeLoose(text);
    const bigrams: string[] = [];
    for (let index = 0; index + 1 < compact.length; index += 1)
      bigrams.push(compact.slice(index, index + 2));
    for (const [bigram, count] of countOf(bigrams))
      addFeature(vector, BIGRAM, bigram, (1 + Math.log(count)) * BIGRAM_WEIGHT);
    return l2Normalize(vector);
  }
}

function countOf(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** A feature is its kind's prefix and its text (w:清洁供暖, c:供暖), hashed without building that string. */
const WORD = fnv1a('w:');
const BIGRAM = fnv1a('c:');

function addFeature(vector: number[], prefixHash: number, text: string, weight: number): void {
  const hash = fnv1a(text, prefixHash);
  const slot = hash % DIMENSIONS;
  const sign = hash >>> 31 === 0 ? 1 : -1;
  vector[slot] = (vector[slot] ?? 0) + sign * weight;
}

/** 32-bit FNV-1a: fast, stable across platforms and Node versions; `from` continues the hash of a prefix. */
function fnv1a(text: string, from = 0x811c9dc5): number {
  let hash = from;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
