import { makeSnippet } from './make-snippet.ts';
import type { RetrievalResult } from './retrieval-types.ts';

/** The public shape of search results, shared by `npm run search -- --json` and GET /api/search. */
export interface SearchResponse {
  query: string;
  results: Array<{
    article: number | null;
    title: string;
    part: number | null;
    score: number;
    snippet: string;
  }>;
}

/**
 * The search results as shown: each with the sentence of its best passage that shares the most query words (an article
 * named outright shows its opening sentence). Snippets are made here, for the hits shown, since only search shows them.
 */
export function toSearchResponse(result: RetrievalResult, k: number): SearchResponse {
  const { expanded } = result.analyzed;
  const queryTokens = [...expanded.tokens, ...expanded.expansionWeights.keys()];
  return {
    query: result.query,
    // A hit that shares no word with the query (a vector neighbour only) is noise to someone searching the text.
    results: result.hits
      .filter((hit) => hit.via === 'structure' || hit.coverage > 0)
      .slice(0, k)
      .map((hit) => ({
        article: hit.article,
        title: hit.title,
        part: hit.part,
        score: hit.score,
        snippet: hit.chunks[0]
          ? makeSnippet(hit.chunks[0], hit.via === 'structure' ? [] : queryTokens)
          : '',
      })),
  };
}
