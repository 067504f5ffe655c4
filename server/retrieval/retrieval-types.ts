import type { Chunk, SectionKind } from '../../core/document-model.ts';
import type { AnalyzedText, QueryTerm } from '../query/question-analysis.ts';

export type RankingMode = 'hybrid' | 'bm25' | 'vector';

/** One retrieved article (or, for text outside the numbered articles, one section such as a part introduction). */
export interface RetrievalHit {
  article: number | null;
  /** Article title, or the section label (序言, 第八部分导语, 结束语) when article is null. */
  title: string;
  part: number | null;
  partTitle: string | null;
  section: SectionKind;
  /** Fused relevance in [0, 1]; 1 for an article named outright (第12条). */
  score: number;
  /** Share of the question's informative words (IDF-weighted) found in this hit: the refusal signal. */
  coverage: number;
  /** Whether the hit contains the plan's wording for an everyday phrase of the question (托儿所 → 普惠托育). */
  matchesExpansion: boolean;
  /** The hit's chunks that matched, best first. */
  chunks: Chunk[];
  /** How the hit was found. */
  via: 'structure' | 'ranking';
}

export interface RetrievalResult {
  query: string;
  hits: RetrievalHit[];
  /** Articles and parts the question named outright, including numbers the document does not have. */
  named: { articles: number[]; parts: number[]; missingArticles: number[]; missingParts: number[] };
  /** Colloquial words that were mapped to the plan's wording. */
  expandedFrom: string[];
  expansionTopics: string[];
  /** The words the question was ranked on (weight 1 for its own words, less for expansion terms). */
  queryTerms: QueryTerm[];
  /** The question actually searched: a long message is reduced to its question sentences. */
  focusedQuery: string;
  /** The analysis the retrieval ran on (question type, expansions), for the stages after it. */
  analyzed: AnalyzedText;
}

export interface SearchOptions {
  k?: number;
  mode?: RankingMode;
  /** Only rank within these articles (a follow-up about the previous answer, or a question scoped to a part). */
  restrictToArticles?: number[];
  signal?: AbortSignal;
}
