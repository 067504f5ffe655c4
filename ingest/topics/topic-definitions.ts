import { z } from 'zod';
import { dataFile } from '../project-paths.ts';
import { readJsonDataFile } from '../read-data-file.ts';

export const TOPIC_DEFINITIONS_FILE = dataFile('topics', 'topic-definitions.json');

const Phrases = z.array(z.string().trim().min(1));

const TopicDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/, 'topic ids are lower-case kebab-case'),
  name: z.string().min(1),
  /** What the topic means to a resident, in plain words; a label, never shown as if it were the plan's text. */
  heading: z.string().min(1),
  /** The plan's own wording: a sentence that contains one verbatim belongs to the topic wherever it is. */
  terms: Phrases.min(1),
  /** Wording that also has other senses (交通 in 交通运输结构): counts only in articles that retrieval confirms. */
  contextTerms: Phrases.default([]),
  /** Residents' words for the topic, searched (with their colloquial expansion) to confirm articles. */
  everydayWords: Phrases.min(1),
  /** A sentence containing one of these is never selected for the topic, whatever else it matches. */
  exclude: Phrases.default([]),
});

export const TopicDefinitionsSchema = z
  .object({
    version: z.literal(1),
    /** An article is confirmed for a topic when it ranks within this many articles for the topic's query. */
    confirmWithin: z.number().int().min(1),
    /**
     * Phrases that mark the plan's summary sentences (the guiding thought, the 2035 vision, the review of the last
     * plan's successes): they name every field in one breath and say nothing a resident could act on about any.
     */
    excludeEverywhere: Phrases.default([]),
    topics: z.array(TopicDefinitionSchema).min(1),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    for (const topic of file.topics) {
      if (seen.has(topic.id))
        context.addIssue({ code: 'custom', message: `topic id ${topic.id} is defined twice` });
      seen.add(topic.id);
    }
  });

export type TopicDefinitions = z.infer<typeof TopicDefinitionsSchema>;
export type TopicDefinition = TopicDefinitions['topics'][number];

/** Reads and validates the hand-written topic definitions (data/topics/topic-definitions.json); cached and frozen. */
export function loadTopicDefinitions(file: string = TOPIC_DEFINITIONS_FILE): TopicDefinitions {
  return readJsonDataFile(TopicDefinitionsSchema, file);
}
