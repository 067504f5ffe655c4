import type { PlanDocument } from '../../core/document-model.ts';
import { selectTopicSentences } from './select-topic-sentences.ts';
import type { TopicDefinition, TopicDefinitions } from './topic-definitions.ts';
import { BUILD_TOPICS_COMMAND, type TopicMap } from './topic-map-schema.ts';

/** Article numbers for a query, best first; the builder (server/cli/build-topic-map.ts) backs this with HybridRetriever over a fresh index. */
export type RankArticles = (query: string, limit: number) => Promise<number[]>;

export interface TopicMapSources {
  document: PlanDocument;
  sourceSha256: string;
  definitions: TopicDefinitions;
  rankArticles: RankArticles;
  /** Called with each topic's confirmed articles, for reviewing the definitions (build:topics --verbose). */
  onConfirmed?: (topicId: string, articles: number[]) => void;
}

export const TOPIC_MAP_GENERATOR = `${BUILD_TOPICS_COMMAND} (server/cli/build-topic-map.ts)`;

/** Builds the topic map from the parsed document: dictionary match of each topic's terms, confirmed by retrieval. */
export async function composeTopicMap(sources: TopicMapSources): Promise<TopicMap> {
  const topics: TopicMap['topics'] = [];
  for (const topic of sources.definitions.topics) {
    const ranked = await sources.rankArticles(topicQuery(topic), sources.definitions.confirmWithin);
    sources.onConfirmed?.(topic.id, ranked);
    const confirmed = new Set(ranked);
    const exclude = [...topic.exclude, ...sources.definitions.excludeEverywhere];
    topics.push({
      id: topic.id,
      name: topic.name,
      heading: topic.heading,
      articles: selectTopicSentences(sources.document, { ...topic, exclude }, confirmed),
    });
  }
  return { generatedBy: TOPIC_MAP_GENERATOR, sourceSha256: sources.sourceSha256, topics };
}

/** The topic as a resident would ask about it: its name and everyday words, which retrieval maps to the plan's wording. */
export function topicQuery(topic: TopicDefinition): string {
  return [topic.name, ...topic.everydayWords].join(' ');
}

/** Terms that match no sentence of any article: usually a typo, and always dead weight in the definitions. */
export function unusedTerms(document: PlanDocument, topic: TopicDefinition): string[] {
  const texts = document.articles.map((article) => article.text);
  return [...topic.terms, ...topic.contextTerms, ...topic.exclude].filter(
    (term) => !texts.some((text) => text.includes(term)),
  );
}
