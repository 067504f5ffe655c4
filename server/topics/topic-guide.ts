import type { PlanDocument } from '../../core/document-model.ts';
import { DataFileError, readJsonDataFile } from '../../ingest/read-data-file.ts';
import { checkTopicMap } from '../../ingest/topics/check-topic-map.ts';
import {
  BUILD_TOPICS_COMMAND,
  TOPIC_MAP_FILE,
  TopicMapSchema,
  type TopicMap,
  type TopicMapTopic,
} from '../../ingest/topics/topic-map-schema.ts';

import type { TopicDetail, TopicSummary } from '../../core/wire/topic-wire.ts';

export type { TopicDetail, TopicSummary } from '../../core/wire/topic-wire.ts';

/** The topic map is missing, malformed or no longer matches the document; the message names the command that rebuilds it. */
export class TopicMapError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${message}; run \`${BUILD_TOPICS_COMMAND}\` to rebuild it`, options);
    this.name = 'TopicMapError';
  }
}

/** Residents' life topics, each with the verbatim sentences of the articles that concern it. */
export class TopicGuide {
  private readonly byId: Map<string, TopicMapTopic>;

  constructor(private readonly map: TopicMap) {
    this.byId = new Map(map.topics.map((topic) => [topic.id, topic]));
  }

  get ids(): string[] {
    return this.map.topics.map((topic) => topic.id);
  }

  list(): TopicSummary[] {
    return this.map.topics.map((topic) => ({
      id: topic.id,
      name: topic.name,
      heading: topic.heading,
      articleCount: topic.articles.length,
      sentenceCount: topic.articles.reduce((sum, article) => sum + article.sentences.length, 0),
    }));
  }

  get(id: string): TopicDetail | undefined {
    const topic = this.byId.get(id);
    if (!topic) return undefined;
    return {
      id: topic.id,
      name: topic.name,
      heading: topic.heading,
      articles: topic.articles.map(({ sentences, ...article }) => ({
        ...article,
        sentences: sentences.map((quote) => ({ quote })),
      })),
    };
  }
}

/** Loads data/topics/topic-map.json and refuses it unless every sentence is still verbatim in the loaded document. */
export function loadTopicGuide(document: PlanDocument, file: string = TOPIC_MAP_FILE): TopicGuide {
  let map: TopicMap;
  try {
    map = readJsonDataFile(TopicMapSchema, file);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    const what = error.problem === 'invalid' ? 'is malformed' : 'could not be read';
    throw new TopicMapError(`the topic map ${file} ${what} (${error.detail})`, { cause: error });
  }
  const problems = checkTopicMap(document, map);
  if (problems.length > 0) {
    throw new TopicMapError(
      `the topic map ${file} does not match the document (${problems.length} problems, first: ${problems[0]})`,
    );
  }
  return new TopicGuide(map);
}
