import type { Chunk } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { indexTextOf } from '../../ingest/index-text.ts';

const NONE: ReadonlySet<string> = new Set();

/** A bound far above the term maps' policy terms, so the memo never churns and never grows without bound. */
const TERM_LIMIT = 10_000;

/**
 * What ranking returns hits of: an article, or a section outside the articles. What coverage reads of them (which
 * targets hold a token, which hold a policy term in their normalised text) is worked out once, not per question.
 */
export class RankingTargets {
  /** The target of each chunk, by chunk position. */
  private readonly keys: string[];
  /** For each token of the index, the targets whose chunks hold it. */
  private readonly byToken = new Map<string, Set<string>>();
  private readonly texts = new Map<string, string>();
  /** For a (normalised) policy term, the targets whose text contains it: each term is looked for once, not per question. */
  private readonly holders = new Map<string, ReadonlySet<string>>();

  constructor(chunks: ReadonlyArray<Chunk & { tokens: string[] }>) {
    this.keys = chunks.map(targetKey);
    chunks.forEach((chunk, position) => {
      const key = this.keys[position]!;
      for (const token of chunk.tokens) {
        const holders = this.byToken.get(token) ?? new Set<string>();
        holders.add(key);
        this.byToken.set(token, holders);
      }
      this.texts.set(key, `${this.texts.get(key) ?? ''}${normalizeForMatch(indexTextOf(chunk))}`);
    });
  }

  /** The target a chunk belongs to. */
  keyOf(chunkPosition: number): string {
    return this.keys[chunkPosition]!;
  }

  /** The targets whose chunks hold a token. */
  holdingToken(token: string): ReadonlySet<string> {
    return this.byToken.get(token) ?? NONE;
  }

  /** The targets whose normalised text contains any of these normalised terms. */
  holdingAny(terms: readonly string[]): ReadonlySet<string> {
    if (terms.length === 1) return this.holding(terms[0]!);
    const keys = new Set<string>();
    for (const term of terms) for (const key of this.holding(term)) keys.add(key);
    return keys;
  }

  private holding(term: string): ReadonlySet<string> {
    let holders = this.holders.get(term);
    if (!holders) {
      holders = new Set([...this.texts].filter(([, text]) => text.includes(term)).map(([k]) => k));
      if (this.holders.size >= TERM_LIMIT) this.holders.clear();
      this.holders.set(term, holders);
    }
    return holders;
  }
}

/** Hits are articles; text outside the articles is its own hit per section. */
function targetKey(chunk: Chunk): string {
  return chunk.articleNumber !== null ? `a${chunk.articleNumber}` : chunk.id;
}
