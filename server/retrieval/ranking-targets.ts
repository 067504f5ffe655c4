import type { Chunk } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { indexTextOf } from '../../ingest/index-text.ts';

/** A bound far above the term maps' policy terms, so the memo never churns and never grows without bound. */
const TERM_LIMIT = 10_000;

/**
 * What ranking returns hits of: an article, or a section outside the articles, with all tokens and the normalised
 * text of its chunks (what coverage reads), worked out once when the index is loaded.
 */
export class RankingTargets {
  /** The target of each chunk, by chunk position. */
  private readonly keys: string[];
  private readonly tokens = new Map<string, Set<string>>();
  private readonly texts = new Map<string, string>();
  /** For a (normalised) policy term, the targets whose text contains it: each term is looked for once, not per question. */
  private readonly holders = new Map<string, ReadonlySet<string>>();

  constructor(chunks: ReadonlyArray<Chunk & { tokens: string[] }>) {
    this.keys = chunks.map(targetKey);
    chunks.forEach((chunk, position) => {
      const key = this.keys[position]!;
      const tokens = this.tokens.get(key) ?? new Set<string>();
      for (const token of chunk.tokens) tokens.add(token);
      this.tokens.set(key, tokens);
      this.texts.set(key, `${this.texts.get(key) ?? ''}${normalizeForMatch(indexTextOf(chunk))}`);
    });
  }

  /** The target a chunk belongs to. */
  keyOf(chunkPosition: number): string {
    return this.keys[chunkPosition]!;
  }

  tokensOf(key: string): ReadonlySet<string> {
    return this.tokens.get(key) ?? new Set();
  }

  /** Whether the target's normalised text contains a normalised term. */
  contains(key: string, term: string): boolean {
    let holders = this.holders.get(term);
    if (!holders) {
      holders = new Set([...this.texts].filter(([, text]) => text.includes(term)).map(([k]) => k));
      if (this.holders.size >= TERM_LIMIT) this.holders.clear();
      this.holders.set(term, holders);
    }
    return holders.has(key);
  }
}

/** Hits are articles; text outside the articles is its own hit per section. */
function targetKey(chunk: Chunk): string {
  return chunk.articleNumber !== null ? `a${chunk.articleNumber}` : chunk.id;
}
