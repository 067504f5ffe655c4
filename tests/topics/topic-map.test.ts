import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partOf } from '../../core/plan-lookup.ts';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import {
  loadTopicDefinitions,
  type TopicDefinitions,
} from '../../ingest/topics/topic-definitions.ts';
import {
  TOPIC_MAP_FILE,
  TopicMapSchema,
  type TopicMap,
} from '../../ingest/topics/topic-map-schema.ts';
import { readSource, sourceSha256 } from '../helpers/plan-index.ts';

/** Read off the document: the article each life topic is chiefly about. */
const MAIN_ARTICLE: Record<string, { article: number; title: string }> = {
  jobs: { article: 25, title: '促进高质量充分就业' },
  health: { article: 27, title: '建设健康乌海' },
  elderly: { article: 28, title: '构筑多层次社会保障体系' },
  education: { article: 26, title: '办好人民满意教育' },
  housing: { article: 23, title: '提升城市功能品质' },
  environment: { article: 7, title: '打好污染防治攻坚战' },
};

const TOPIC_IDS = [
  'jobs',
  'education',
  'health',
  'elderly',
  'childcare',
  'housing',
  'transport',
  'environment',
  'water',
  'business',
  'rural',
  'safety',
];

describe('the committed topic map (data/topics/topic-map.json)', () => {
  let document: PlanDocument;
  let map: TopicMap;
  let definitions: TopicDefinitions;

  beforeAll(async () => {
    document = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
    map = readJsonDataFile(TopicMapSchema, TOPIC_MAP_FILE);
    definitions = loadTopicDefinitions();
  });

  it('was built from the document as it is now', async () => {
    expect(map.sourceSha256).toBe(await sourceSha256());
  });

  it('has the twelve life topics, in the order of the definitions, each with at least one article', () => {
    expect(map.topics.map((topic) => topic.id)).toEqual(TOPIC_IDS);
    expect(definitions.topics.map((topic) => topic.id)).toEqual(TOPIC_IDS);
    for (const topic of map.topics) expect(topic.articles.length, topic.id).toBeGreaterThan(0);
  });

  it('quotes only whole sentences of each article, verbatim, with its real title and part', () => {
    for (const topic of map.topics) {
      for (const entry of topic.articles) {
        const article = articleByNumber(document, entry.article);
        expect(article, `${topic.id} cites article ${entry.article}`).toBeDefined();
        expect(entry.title).toBe(article!.title);
        expect(entry.part).toBe(article!.partNumber);
        expect(entry.partTitle).toBe(partOf(document, article!).title);
        const sentences = new Set(splitSentences(article!.text).map((sentence) => sentence.text));
        for (const sentence of entry.sentences) {
          expect(
            article!.text.includes(sentence),
            `${topic.id}/${entry.article}: ${sentence}`,
          ).toBe(true);
          expect(
            sentences.has(sentence),
            `${topic.id}/${entry.article} is a whole sentence: ${sentence}`,
          ).toBe(true);
        }
        expect(new Set(entry.sentences).size).toBe(entry.sentences.length);
      }
    }
  });

  it.each(Object.entries(MAIN_ARTICLE))(
    '%s includes its main article and leads with it',
    (id, expected) => {
      const topic = map.topics.find((candidate) => candidate.id === id)!;
      expect(topic.articles.map((article) => article.article)).toContain(expected.article);
      expect(topic.articles[0]).toMatchObject(expected);
    },
  );

  it('selects every sentence by its topic: a term of the topic in it, and none of its exclusions', () => {
    for (const topic of map.topics) {
      const definition = definitions.topics.find((candidate) => candidate.id === topic.id)!;
      const exclusions = [...definition.exclude, ...definitions.excludeEverywhere];
      for (const sentence of topic.articles.flatMap((article) => article.sentences)) {
        expect(
          [...definition.terms, ...definition.contextTerms].some((term) => sentence.includes(term)),
          `${topic.id}: ${sentence}`,
        ).toBe(true);
        expect(
          exclusions.filter((phrase) => sentence.includes(phrase)),
          `${topic.id}: ${sentence}`,
        ).toEqual([]);
      }
    }
  });

  it('keeps the plan summary sentences and unrelated senses out (三北精神 is not afforestation, 配偶就业 is talent policy)', () => {
    const sentencesOf = (id: string) =>
      map.topics.find((topic) => topic.id === id)!.articles.flatMap((article) => article.sentences);
    expect(sentencesOf('environment').some((sentence) => sentence.includes('“三北”工程'))).toBe(
      true,
    );
    expect(sentencesOf('environment').some((sentence) => sentence.includes('三北精神'))).toBe(
      false,
    );
    expect(sentencesOf('jobs').some((sentence) => sentence.includes('配偶就业'))).toBe(false);
    expect(
      map.topics
        .flatMap((topic) => topic.articles.flatMap((article) => article.sentences))
        .some((sentence) => sentence.includes('在此基础上再奋斗五年')),
    ).toBe(false);
  });
});
