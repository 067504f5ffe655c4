import type { Article, PlanDocument } from '../../core/document-model.ts';
import { partOf } from '../../core/plan-lookup.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';

/** A citation of a verbatim passage of an article. */
export function citationOf(doc: PlanDocument, article: Article, quote: string): Citation {
  return {
    article: article.number,
    title: article.title,
    part: article.partNumber,
    partTitle: partOf(doc, article).title,
    quote,
  };
}

/** Drops repeated citations of the same sentence, keeping the first. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.article}:${citation.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
