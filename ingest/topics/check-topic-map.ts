import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import type { TopicMap } from './topic-map-schema.ts';

/** Problems that make a topic map untrustworthy for this document: a sentence, title or part that is no longer the document's. */
export function checkTopicMap(document: PlanDocument, map: TopicMap): string[] {
  const problems: string[] = [];
  for (const topic of map.topics) {
    for (const entry of topic.articles) {
      const article = articleByNumber(document, entry.article);
      if (!article) {
        problems.push(`${topic.id}: article ${entry.article} is not in the document`);
        continue;
      }
      const part = partByNumber(document, article.partNumber);
      if (entry.title !== article.title)
        problems.push(
          `${topic.id}: article ${entry.article} is titled ${article.title}, not ${entry.title}`,
        );
      if (entry.part !== article.partNumber || entry.partTitle !== part?.title)
        problems.push(
          `${topic.id}: article ${entry.article} is not in part ${entry.part} (${entry.partTitle})`,
        );
      for (const sentence of entry.sentences) {
        if (!article.text.includes(sentence))
          problems.push(
            `${topic.id}: not verbatim in article ${entry.article}: ${sentence.slice(0, 40)}…`,
          );
      }
    }
  }
  return problems;
}
