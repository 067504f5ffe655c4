import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { TOPIC_MAP_FILE, type TopicMap } from '../../ingest/topics/topic-map-schema.ts';
import { loadTopicGuide, TopicMapError } from '../../server/topics/topic-guide.ts';
import { makeTempDir, readSource } from '../helpers/plan-index.ts';

describe('loadTopicGuide', () => {
  let document: PlanDocument;
  let temp: { dir: string; cleanup: () => Promise<void> };
  const committed = (): TopicMap => JSON.parse(readFileSync(TOPIC_MAP_FILE, 'utf8')) as TopicMap;
  const writeMap = (name: string, map: unknown): string => {
    const file = path.join(temp.dir, name);
    writeFileSync(file, typeof map === 'string' ? map : JSON.stringify(map));
    return file;
  };

  beforeAll(async () => {
    document = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
    temp = await makeTempDir('topic-guide-');
  });

  afterAll(async () => {
    await temp?.cleanup();
  });

  it('loads the committed map and summarises each topic', () => {
    const guide = loadTopicGuide(document);
    const jobs = guide.list().find((topic) => topic.id === 'jobs')!;
    expect(jobs).toMatchObject({ name: '就业', heading: '找工作、学技能、涨工资' });
    expect(jobs.articleCount).toBe(guide.get('jobs')!.articles.length);
    expect(jobs.sentenceCount).toBe(
      guide.get('jobs')!.articles.reduce((sum, article) => sum + article.sentences.length, 0),
    );
    expect(guide.get('nope')).toBeUndefined();
  });

  it('refuses a map whose sentence is no longer verbatim, naming the rebuild command', () => {
    const map = committed();
    const first = map.topics[0]!.articles[0]!;
    first.sentences[0] = first.sentences[0]!.replace('就业', '创业');
    expect(() => loadTopicGuide(document, writeMap('edited.json', map))).toThrow(TopicMapError);
    expect(() => loadTopicGuide(document, writeMap('edited.json', map))).toThrow(
      /not verbatim in article 25.*npm run build:topics/,
    );
  });

  it('refuses a map that cites an article the document does not have, a malformed map and a missing file', () => {
    const map = committed();
    map.topics[0]!.articles[0]!.article = 99;
    expect(() => loadTopicGuide(document, writeMap('article-99.json', map))).toThrow(
      /article 99 is not in the document.*npm run build:topics/,
    );
    expect(() => loadTopicGuide(document, writeMap('malformed.json', { topics: 'none' }))).toThrow(
      /malformed.*npm run build:topics/,
    );
    expect(() => loadTopicGuide(document, writeMap('not-json.json', '{'))).toThrow(
      /could not be read.*npm run build:topics/,
    );
    expect(() => loadTopicGuide(document, path.join(temp.dir, 'missing.json'))).toThrow(
      TopicMapError,
    );
  });
});
