import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { selectTopicSentences } from '../../ingest/topics/select-topic-sentences.ts';
import { serializeTopicMap, TOPIC_MAP_FILE } from '../../ingest/topics/topic-map-schema.ts';
import { buildTopicMap } from '../../server/cli/build-topic-map.ts';
import { readSource } from '../helpers/plan-index.ts';

describe('npm run build:topics', () => {
  it('is deterministic, and the committed map is what a fresh build produces', async () => {
    const first = serializeTopicMap(await buildTopicMap());
    const second = serializeTopicMap(await buildTopicMap());
    expect(second).toBe(first);
    // If this fails after editing the definitions, the dictionaries or the document: run `npm run build:topics`.
    expect(readFileSync(TOPIC_MAP_FILE, 'utf8')).toBe(first);
  }, 60_000);
});

describe('selectTopicSentences', () => {
  let document: PlanDocument;
  const topic = {
    id: 'probe',
    name: '安全',
    heading: '安全',
    terms: ['食品药品安全'],
    contextTerms: ['安全'],
    everydayWords: ['安全'],
    exclude: [],
  };

  beforeAll(async () => {
    document = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
  });

  it('counts a term with other senses only in the articles retrieval confirmed', () => {
    const unconfirmed = selectTopicSentences(document, topic, new Set());
    expect(unconfirmed.map((article) => article.article)).toEqual([31]);
    expect(unconfirmed[0]!.sentences).toEqual(['提升食品药品安全现代化治理水平。']);
    const confirmed = selectTopicSentences(document, topic, new Set([7, 31]));
    // (7) 保障用地安全 now counts, because (7) was confirmed; (20) 安全韧性 still does not.
    expect(confirmed.map((article) => article.article).sort((left, right) => left - right)).toEqual(
      [7, 31],
    );
  });

  it('drops a sentence with an exclusion and never quotes the title sentence', () => {
    const selected = selectTopicSentences(
      document,
      { ...topic, terms: ['就业'], contextTerms: [], exclude: ['来乌留乌'] },
      new Set(),
    );
    const sentences = selected.flatMap((article) => article.sentences);
    expect(sentences.some((sentence) => sentence.includes('配偶就业'))).toBe(false);
    expect(sentences).not.toContain('促进高质量充分就业。');
    expect(selected[0]!.article).toBe(25);
  });
});
