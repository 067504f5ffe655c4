import type { Chunk, PlanDocument } from '../../core/document-model.ts';
import type { Embedder } from '../../ingest/embedding/embedder.ts';
import { Bm25Index } from '../../ingest/indexing/bm25-index.ts';
import type { LoadedIndex } from '../../ingest/indexing/read-index.ts';
import type { Expansion } from '../query/colloquial-expansion.ts';
import { analyzeText } from '../query/analyze-question.ts';
import { combineVectors, type ExpandedQuery } from '../query/expanded-query.ts';
import type { AnalyzedText } from '../query/question-analysis.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { loadAnswerPolicy } from '../policy/load-answer-policy.ts';
import type { SubjectLexicon } from './subject-support.ts';
import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';
import { coverageByHit, coverageQuery, type CoverageQuery } from './query-coverage.ts';
import { RankingTargets } from './ranking-targets.ts';
import { maxFusedScore, reciprocalRankFusion } from './rank-fusion.ts';
import type {
  RankingMode,
  RetrievalHit,
  RetrievalResult,
  SearchOptions,
} from './retrieval-types.ts';

type IndexedChunk = LoadedIndex['chunks'][number];

/** Structure-aware hybrid retrieval: named articles and parts first, then BM25 and vectors fused by RRF. */
export class HybridRetriever {
  private readonly bm25: Bm25Index;
  private readonly targets: RankingTargets;
  readonly document: PlanDocument;

  private readonly tuning: AnswerPolicy['retrieval'];
  /** Vectors of expansion texts (a term-map entry's policy terms), by text. */
  private readonly expansionVectors = new Map<string, number[]>();

  constructor(
    private readonly index: LoadedIndex,
    private readonly embedder: Embedder,
    private readonly policy: AnswerPolicy = loadAnswerPolicy(),
  ) {
    this.document = index.document;
    this.tuning = policy.retrieval;
    this.bm25 = new Bm25Index(index.chunks.map((chunk) => chunk.tokens));
    this.targets = new RankingTargets(index.chunks);
  }

  /** Analyses a message on its own and retrieves for it (GET /api/search, the CLI, study packs, the topic build). */
  async search(message: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    return this.retrieve(analyzeText(message, this.document, this.policy), options);
  }

  /** Retrieves for a text the query stage has analysed: named articles and parts first, then the fused ranking. */
  async retrieve(text: AnalyzedText, options: SearchOptions = {}): Promise<RetrievalResult> {
    const k = options.k ?? this.tuning.k;
    const { named, expanded, expansion, topicTokens } = text;
    const base = this.resultBase(text);
    const partArticles = this.document.articles
      .filter((article) => named.parts.includes(article.partNumber))
      .map((article) => article.number);
    if (named.articles.length > 0 && topicTokens.length === 0) {
      return { ...base, hits: named.articles.map((number) => this.structuralHit(number)) };
    }
    if (partArticles.length > 0 && named.articles.length === 0) {
      // A question about a whole part gets all of its articles: in document order, or by relevance to a topic it names.
      const order =
        topicTokens.length === 0
          ? partArticles
          : await this.rankWithin(expanded, expansion, partArticles, options);
      return { ...base, hits: order.map((number) => this.structuralHit(number)) };
    }
    const ranked = await this.rank(expanded, expansion, { ...options, k });
    const direct = named.articles.map((number) => this.structuralHit(number));
    const rest = ranked.filter(
      (hit) => hit.article === null || !named.articles.includes(hit.article),
    );
    return { ...base, hits: [...direct, ...rest].slice(0, Math.max(k, direct.length)) };
  }

  /** These articles as a whole, for a follow-up resolved to them (第二个, 这一条): no ranking, no question words. */
  articleHits(text: AnalyzedText, articles: number[]): RetrievalResult {
    return {
      ...this.resultBase(text),
      named: { articles, parts: [], missingArticles: [], missingParts: [] },
      queryTerms: [],
      hits: articles.map((number) => this.structuralHit(number)),
    };
  }

  private resultBase(text: AnalyzedText): Omit<RetrievalResult, 'hits'> {
    return {
      query: text.text,
      focusedQuery: text.focused,
      named: text.named,
      expandedFrom: text.expansion.matched,
      expansionTopics: text.expansion.topics,
      queryTerms: text.queryTerms,
      analyzed: text,
    };
  }

  /** Article numbers of a scope, best match first, with the unmatched ones after in document order. */
  private async rankWithin(
    expanded: ExpandedQuery,
    expansion: Expansion,
    scope: number[],
    options: SearchOptions,
  ): Promise<number[]> {
    const ranked = await this.rank(expanded, expansion, {
      ...options,
      k: scope.length,
      restrictToArticles: scope,
    });
    const order = ranked.flatMap((hit) => (hit.article === null ? [] : [hit.article]));
    return [...order, ...scope.filter((number) => !order.includes(number))];
  }

  /** A token in more than a quarter of all chunks. */
  private readonly isUbiquitous = (token: string): boolean =>
    this.bm25.documentFrequency(token) > this.bm25.documentCount * this.tuning.ubiquitousShare;

  /** The plan's vocabulary beside general language's: which of a question's words are generic, which specific. */
  readonly subjectLexicon: SubjectLexicon = {
    generic: (token) => this.isUbiquitous(token),
    specificity: (token) => loadGeneralIdf().weight(token),
  };

  /** Corpus IDF of a token (0 when the document never uses it), for weighing sentences. */
  termIdf(token: string): number {
    return this.bm25.idf(token);
  }

  /** Ranks chunks by BM25 and vectors, fuses, then keeps each article's best chunk. */
  private async rank(
    expanded: ExpandedQuery,
    expansion: Expansion,
    options: SearchOptions & { k: number },
  ): Promise<RetrievalHit[]> {
    const mode: RankingMode = options.mode ?? 'hybrid';
    // Named closures are avoided on this path: tsx (esbuild keepNames) gives each one a name at every call, ~1 µs.
    const restrict = options.restrictToArticles;
    const limit = this.tuning.candidates;

    const lists: number[][] = [];
    const listWeights: number[] = [];
    if (mode !== 'vector') {
      const hits = this.bm25.search(
        [
          ...expanded.tokens,
          ...this.splitWords(expanded.tokens),
          ...expanded.expansionWeights.keys(),
        ],
        limit * 2,
        expanded.expansionWeights,
      );
      lists.push(
        hits
          .map((hit) => hit.index)
          .filter((index) => this.allowed(index, restrict))
          .slice(0, limit),
      );
      listWeights.push(this.tuning.bm25Weight);
    }
    if (mode !== 'bm25') {
      const parts = await this.embedParts(
        expanded.vectorParts.map((part) => part.text),
        options.signal,
      );
      const vector = combineVectors(
        parts,
        expanded.vectorParts.map((part) => part.weight),
      );
      const hits = this.index.vectors.search(vector, Math.min(this.index.chunks.length, limit * 2));
      lists.push(
        hits
          .map((hit) => hit.index)
          .filter((index) => this.allowed(index, restrict))
          .slice(0, limit),
      );
      listWeights.push(this.tuning.vectorWeight);
    }
    const fused = reciprocalRankFusion(lists, this.tuning.rrfConstant, listWeights);
    const scale = maxFusedScore(lists.length, this.tuning.rrfConstant, listWeights);

    const byTarget = new Map<string, { score: number; chunks: IndexedChunk[] }>();
    for (const [index, score] of [...fused.entries()].sort(
      (left, right) => right[1] - left[1] || left[0] - right[0],
    )) {
      const chunk = this.index.chunks[index]!;
      const key = this.targets.keyOf(index);
      const entry = byTarget.get(key);
      if (entry) entry.chunks.push(chunk);
      else byTarget.set(key, { score: score / scale, chunks: [chunk] });
    }
    // The fused rank says how well the best passage matches; coverage says how much of the question the whole
    // article answers. Blending them favours the article that addresses every part of a long, everyday question.
    const blend = this.tuning.coverageWeight;
    const coverageOf = coverageByHit(
      coverageQuery(expanded.tokens, expanded.alternatives, this.isUbiquitous),
      (term) => this.holders(term),
    );
    const scored = [...byTarget.entries()].map(([key, { score, chunks }]) => {
      const coverage = coverageOf(key);
      return { key, chunks, coverage, score: (1 - blend) * score + blend * coverage };
    });
    const holdingExpansion = this.targets.holdingAny(
      expansion.pairs.flatMap((pair) => pair.policyForMatch),
    );
    return scored
      .sort((left, right) => right.score - left.score)
      .slice(0, options.k)
      .map(({ key, chunks, coverage, score }) => ({
        ...this.describe(chunks[0]!),
        score: round(score),
        coverage: round(coverage),
        matchesExpansion: holdingExpansion.has(key),
        chunks,
        via: 'ranking' as const,
      }));
  }

  /**
   * The plan's own words for the question's compounds that it writes with words between their parts (食品安全 →
   * 食品药品安全): searched as the question's own words, so the articles that hold them are found at all.
   */
  private splitWords(tokens: readonly string[]): string[] {
    const words: string[] = [];
    for (const token of tokens)
      for (const form of this.targets.splitForms(token).forms)
        if (this.bm25.documentFrequency(form) > 0) words.push(form);
    return words;
  }

  /** The targets that hold a question word, themselves or through a policy term it stands for. */
  private holders({ token, alternatives }: CoverageQuery['terms'][number]): ReadonlySet<string> {
    const holding = this.targets.holdingToken(token);
    if (alternatives.length === 0) return holding;
    return new Set([...holding, ...this.targets.holdingAny(alternatives)]);
  }

  /** Whether a chunk may be ranked: any, or only those of the articles a search is restricted to. */
  private allowed(chunkPosition: number, restrictToArticles?: readonly number[]): boolean {
    if (!restrictToArticles) return true;
    const articleNumber = this.index.chunks[chunkPosition]?.articleNumber ?? null;
    return articleNumber !== null && restrictToArticles.includes(articleNumber);
  }

  /**
   * Vectors of the question and of its expansion texts. An expansion text is a term-map entry's policy terms, the same
   * for every question that names the entry, so each is embedded once; the question itself always is.
   */
  private async embedParts(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const [question, ...expansions] = texts;
    // Read before waiting for the embedder: another request may refill the cache meanwhile.
    const known = new Map<string, number[]>();
    for (const text of expansions) {
      const vector = this.expansionVectors.get(text);
      if (vector) known.set(text, vector);
    }
    const missing = [...new Set(expansions.filter((text) => !known.has(text)))];
    const [questionVector, ...embedded] = await this.embedder.embed([question ?? '', ...missing], {
      signal,
    });
    const fresh = new Map(missing.map((text, index) => [text, embedded[index]!]));
    if (this.expansionVectors.size + fresh.size > EXPANSION_VECTOR_LIMIT)
      this.expansionVectors.clear();
    for (const [text, vector] of fresh) this.expansionVectors.set(text, vector);
    return [questionVector!, ...expansions.map((text) => known.get(text) ?? fresh.get(text)!)];
  }

  private articleChunks(articleNumber: number): IndexedChunk[] {
    return this.index.chunks.filter((chunk) => chunk.articleNumber === articleNumber);
  }

  private structuralHit(articleNumber: number): RetrievalHit {
    const chunks = this.articleChunks(articleNumber);
    const first = chunks[0]!;
    return {
      ...this.describe(first),
      score: 1,
      coverage: 1,
      matchesExpansion: false,
      chunks,
      via: 'structure',
    };
  }

  private describe(
    chunk: Chunk,
  ): Pick<RetrievalHit, 'article' | 'title' | 'part' | 'partTitle' | 'section'> {
    return {
      article: chunk.articleNumber,
      title: chunk.articleTitle ?? chunk.sectionLabel,
      part: chunk.partNumber,
      partTitle: chunk.partTitle,
      section: chunk.articleNumber !== null ? 'article' : chunk.section,
    };
  }
}

/** More than any term map has entries: the cache of expansion vectors never churns, and never grows without bound. */
const EXPANSION_VECTOR_LIMIT = 1_000;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
