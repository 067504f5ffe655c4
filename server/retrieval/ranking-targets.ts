import type { Chunk } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { indexTextOf } from '../../ingest/index-text.ts';
import { splitCompoundSources } from '../../core/split-compound.ts';

const NONE: ReadonlySet<string> = new Set();

/** A compound written with words between its parts: the forms the plan uses, and the targets holding one. */
export interface SplitForms {
  forms: readonly string[];
  holders: ReadonlySet<string>;
}

const NO_FORMS: SplitForms = { forms: [], holders: NONE };

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
  /** For a compound token, how the plan writes it with words between its parts (splitForms). */
  private readonly splitHolders = new Map<string, SplitForms>();

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

  /**
   * The targets whose chunks hold a token, or hold it with a qualifier set inside it: a compound (食品安全, 固态电池)
   * is also held where the plan writes it with words between its parts (食品药品安全, 固态储能电池), within a clause.
   */
  holdingToken(token: string): ReadonlySet<string> {
    const exact = this.byToken.get(token) ?? NONE;
    const { holders } = this.splitForms(token);
    if (holders.size === 0) return exact;
    return new Set([...exact, ...holders]);
  }

  /**
   * How the plan writes a compound of the question with words between its parts (食品安全 → 食品药品安全), and the
   * targets that hold such a form: looked for once per compound.
   */
  splitForms(token: string): SplitForms {
    const sources = splitCompoundSources(token);
    if (sources.length === 0) return NO_FORMS;
    let found = this.splitHolders.get(token);
    if (!found) {
      const patterns = sources.map((source) => new RegExp(source, 'gu'));
      const forms = new Set<string>();
      const holders = new Set<string>();
      for (const [key, text] of this.texts)
        for (const pattern of patterns)
          for (const [form] of text.matchAll(pattern)) {
            forms.add(form);
            holders.add(key);
          }
      found = holders.size === 0 ? NO_FORMS : { forms: [...forms], holders };
      if (this.splitHolders.size >= TERM_LIMIT) this.splitHolders.clear();
      this.splitHolders.set(token, found);
    }
    return found;
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
