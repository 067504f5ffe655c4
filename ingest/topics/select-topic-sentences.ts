import type { PlanDocument } from '../../core/document-model.ts';
import { partByNumber } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { TopicDefinition } from './topic-definitions.ts';
import type { TopicArticle } from './topic-map-schema.ts';

/**
 * The sentences of each article that concern a topic: those containing one of its terms verbatim, or one of its
 * context terms in an article retrieval confirmed, and none of its exclusions. Pure and deterministic.
 */
export function selectTopicSentences(
  document: PlanDocument,
  topic: TopicDefinition,
  confirmedArticles: ReadonlySet<number>,
): TopicArticle[] {
  const selected: TopicArticle[] = [];
  for (const article of document.articles) {
    const terms = confirmedArticles.has(article.number)
      ? [...topic.terms, ...topic.contextTerms]
      : topic.terms;
    const sentences = splitSentences(article.text)
      // The title sentence is shown as the article's title already.
      .filter((sentence) => sentence.start > 0)
      .map((sentence) => sentence.text)
      .filter(
        (sentence) =>
          terms.some((term) => sentence.includes(term)) &&
          !topic.exclude.some((phrase) => sentence.includes(phrase)),
      );
    if (sentences.length === 0) continue;
    const part = partByNumber(document, article.partNumber);
    selected.push({
      article: article.number,
      title: article.title,
      part: article.partNumber,
      partTitle: part?.title ?? '',
      sentences: [...new Set(sentences)],
    });
  }
  // The article that says most about the topic leads; ties keep document order, so the output is stable.
  return selected.sort(
    (left, right) => right.sentences.length - left.sentences.length || left.article - right.article,
  );
}
