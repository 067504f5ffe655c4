import type { CitationMarker } from '../../core/citation-marker.ts';
import type { Article, PlanDocument } from '../../core/document-model.ts';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { splitSentences, type Sentence } from '../../core/split-sentences.ts';

/**
 * The sentences of these articles that earlier answers quoted, verbatim as the document has them: a sentence whose
 * text occurs in an answer (the offline answers quote whole sentences), or that holds a passage an answer quoted
 * right before a marker (a model or a person may quote part of a sentence). Punctuation is ignored; title sentences,
 * which answers name in their lead lines but never quote, are left out. Pure.
 */
export function quotedSentences(
  doc: PlanDocument,
  articles: readonly number[],
  answers: readonly string[],
  marker: CitationMarker,
): string[] {
  const said = answers.map(normalizeLoose);
  const passages = answers
    .flatMap((answer) => quotedPassages(answer, marker))
    .map(normalizeLoose)
    .filter((passage) => passage.length > 0);
  return articles.flatMap((number) => {
    const article = articleByNumber(doc, number);
    if (!article) return [];
    return quotableSentences(article)
      .map((sentence) => sentence.text)
      .filter((text) => {
        const loose = normalizeLoose(text);
        return (
          loose.length > 0 &&
          (said.some((answer) => answer.includes(loose)) ||
            passages.some((passage) => loose.includes(passage)))
        );
      });
  });
}

/** Whether an article has a sentence left to quote: one the answers may quote and not already quoted. */
export function hasUnquotedSentence(article: Article, quoted: ReadonlySet<string>): boolean {
  return quotableSentences(article).some((sentence) => !quoted.has(sentence.text));
}

/** The sentences answers quote from: all but the title sentence, unless it is the only one (as in select-evidence). */
function quotableSentences(article: Article): Sentence[] {
  const sentences = splitSentences(article.text);
  return sentences.length === 1 ? sentences : sentences.slice(1);
}

/** The text inside “…” right before each citation marker, nested quotation marks included. */
function quotedPassages(answer: string, marker: CitationMarker): string[] {
  return marker.findLoose(answer).flatMap((found) => {
    const close = found.index - 1;
    if (answer[close] !== '”') return [];
    let depth = 0;
    for (let index = close; index >= 0; index -= 1) {
      if (answer[index] === '”') depth += 1;
      else if (answer[index] === '“' && --depth === 0) return [answer.slice(index + 1, close)];
    }
    return [];
  });
}
