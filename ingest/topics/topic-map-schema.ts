import { z } from 'zod';
import { dataFile } from '../project-paths.ts';

/** The generated topic map, shared by its builder (server/cli/build-topic-map.ts) and its reader (server/topics). */
export const TOPIC_MAP_FILE = dataFile('topics', 'topic-map.json');

/** The command that regenerates the map; named in every error about a stale map. */
export const BUILD_TOPICS_COMMAND = 'npm run build:topics';

const TopicArticleSchema = z.object({
  article: z.number().int().positive(),
  title: z.string().min(1),
  part: z.number().int().positive(),
  partTitle: z.string().min(1),
  /** Whole sentences of the article, verbatim, in document order. */
  sentences: z.array(z.string().min(1)).min(1),
});

export const TopicMapSchema = z.object({
  generatedBy: z.string().min(1),
  /** SHA-256 of the source document the map was built from. */
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  topics: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        heading: z.string().min(1),
        articles: z.array(TopicArticleSchema),
      }),
    )
    .min(1),
});

export type TopicMap = z.infer<typeof TopicMapSchema>;
export type TopicMapTopic = TopicMap['topics'][number];
export type TopicArticle = z.infer<typeof TopicArticleSchema>;

/** The map as written to disk: two-space JSON with a final newline, so a rebuild of unchanged inputs is byte-identical. */
export function serializeTopicMap(map: TopicMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}
