import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { PlanDocument, SectionKind } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { createRetrieval, type Retrieval } from '../create-services.ts';
import type { RetrievalHit } from '../retrieval/retrieval-types.ts';
import { loadOnce, planConfig, planLogger, type PlanOptions } from './plan-options.ts';

/** What each retrieved Document says about where its text stands in the plan. */
export interface PlanDocumentMetadata {
  /** The article number; null for the preamble, a part's introduction and the closing. */
  article: number | null;
  /** The article's title, or the section's label (序言, 第八部分导语, 结束语). */
  title: string;
  part: number | null;
  partTitle: string | null;
  /** Relevance in [0, 1]; 1 for an article the query names outright (第12条). */
  score: number;
  /** Share of the query's informative words found in the article. */
  coverage: number;
  section: SectionKind;
  /** The citation marker for the article (〔第23条〕), or null outside the articles. */
  citation: string | null;
  /** How it was found: named outright ('structure') or ranked by BM25 and vectors ('ranking'). */
  via: 'structure' | 'ranking';
}

export interface PlanRetrieverOptions extends PlanOptions, BaseRetrieverInput {
  /** How many Documents at most; the answer policy's retrieval.k (5) when absent. */
  k?: number;
}

/**
 * The plan's hybrid retrieval (named articles and parts, then BM25 and vectors fused, blended with coverage) as a
 * LangChain retriever: one Document per article or section, best first. pageContent is the best-matching passage,
 * or the whole article when the query names it (第12条).
 */
export class PlanRetriever extends BaseRetriever<PlanDocumentMetadata> {
  static override lc_name(): string {
    return 'PlanRetriever';
  }

  lc_namespace = ['guihua_wenda', 'retrievers'];
  readonly k: number | undefined;

  constructor(
    private readonly open: () => Promise<Retrieval>,
    fields: BaseRetrieverInput & { k?: number } = {},
  ) {
    super(fields);
    if (fields.k !== undefined && !(Number.isInteger(fields.k) && fields.k > 0))
      throw new RangeError(`k must be a positive integer, not ${fields.k}`);
    this.k = fields.k;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PlanDocumentMetadata>[]> {
    if (query.trim() === '') return [];
    const { retriever, index, policy } = await this.open();
    const k = this.k ?? policy.retrieval.k;
    const result = await retriever.search(query, { k });
    return result.hits
      .slice(0, k)
      .map((hit) => toDocument(hit, index.document, policy.templates.marker.format));
  }
}

/**
 * A PlanRetriever over the index `npm start` uses: built on first use when missing or stale, loaded otherwise
 * (INDEX_DIR, SOURCE_FILE and the embedder settings from `env`).
 */
export function createPlanRetriever(options: PlanRetrieverOptions = {}): PlanRetriever {
  const { env, logger, k, ...fields } = options;
  const config = planConfig({ env });
  return new PlanRetriever(
    loadOnce(() => createRetrieval(config, planLogger({ logger }))),
    { ...fields, k },
  );
}

function toDocument(
  hit: RetrievalHit,
  document: PlanDocument,
  marker: (article: number) => string,
): Document<PlanDocumentMetadata> {
  const best = hit.chunks[0];
  const wholeArticle =
    hit.via === 'structure' && hit.article !== null ? articleByNumber(document, hit.article) : null;
  return new Document({
    id: best?.id,
    pageContent: wholeArticle?.text ?? best?.text ?? '',
    metadata: {
      article: hit.article,
      title: hit.title,
      part: hit.part,
      partTitle: hit.partTitle,
      score: hit.score,
      coverage: hit.coverage,
      section: hit.section,
      citation: hit.article === null ? null : marker(hit.article),
      via: hit.via,
    },
  });
}
