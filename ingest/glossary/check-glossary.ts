import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { articlesUsing } from './find-occurrences.ts';
import type { GlossaryData } from './glossary-schema.ts';
import type { Definition } from './glossary-terms.ts';

/**
 * Problems that make a glossary untrustworthy for this document: a quote that is not verbatim, a term that does not
 * occur where the glossary says, or occurs in an article it omits. Empty when the glossary can be served.
 */
export function checkGlossary(document: PlanDocument, glossary: GlossaryData): string[] {
  const problems: string[] = [];
  for (const entry of glossary.terms) {
    const expected = articlesUsing(document, entry.term);
    if (expected.join(',') !== entry.articles.join(',')) {
      problems.push(
        `${entry.term} is listed in articles [${entry.articles.join(', ')}] but the document uses it in articles [${expected.join(', ')}]`,
      );
    }
    const quoted = new Set(entry.occurrences.map((occurrence) => occurrence.article));
    if ([...quoted].join(',') !== entry.articles.join(','))
      problems.push(`${entry.term}: the occurrences do not cover exactly the articles listed`);
    for (const occurrence of entry.occurrences) {
      const problem = quoteProblem(document, occurrence.article, occurrence.quote, entry.term);
      if (problem) problems.push(`${entry.term}: occurrence ${problem}`);
    }
    if (entry.definition)
      problems.push(...definitionProblems(document, entry.term, entry.definition));
  }
  return problems;
}

/** A definition must be verbatim, must name the term, and must contain every item it is said to enumerate. */
export function definitionProblems(
  document: PlanDocument,
  term: string,
  definition: Definition,
): string[] {
  const problem = quoteProblem(document, definition.article, definition.quote, term);
  if (problem) return [`${term}: definition ${problem}`];
  return definition.items
    .filter((item) => !definition.quote.includes(item))
    .map((item) => `${term}: the definition quote does not contain the item ${item}`);
}

function quoteProblem(
  document: PlanDocument,
  articleNumber: number,
  quote: string,
  term: string,
): string | null {
  const article = articleByNumber(document, articleNumber);
  if (!article) return `cites article ${articleNumber}, which the document does not have`;
  if (!article.text.includes(quote))
    return `quote is not verbatim in article ${articleNumber}: ${quote.slice(0, 40)}…`;
  if (!quote.includes(term))
    return `quote from article ${articleNumber} does not contain the term: ${quote.slice(0, 40)}…`;
  return null;
}
