import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../server/app.ts';
import { ChatService } from '../../server/chat/chat-service.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { loadTopicGuide } from '../../server/topics/topic-guide.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';

interface TopicSummary {
  id: string;
  name: string;
  heading: string;
  articleCount: number;
  sentenceCount: number;
}

interface TopicBody {
  id: string;
  name: string;
  heading: string;
  articles: Array<{
    article: number;
    title: string;
    part: number;
    partTitle: string;
    sentences: Array<{ quote: string }>;
  }>;
}

/** The real app over a real index; the topic guide is passed the way main.ts passes it. */
function appWith(built: BuiltIndex, extra: Partial<AppDeps>): Express {
  const retriever = new HybridRetriever(built.index, built.embedder);
  const document = built.index.document;
  const chat = new ChatService({ retriever, document, chatModel: null });
  return createApp({
    retriever,
    document,
    manifest: built.index.manifest,
    chat,
    logger: pino({ level: 'silent' }),
    rateLimitPerMinute: 0,
    corsOrigins: [],
    ...extra,
  });
}

describe('GET /api/topics and /api/topics/:id', () => {
  let built: BuiltIndex;
  let app: Express;

  beforeAll(async () => {
    built = await buildPlanIndex();
    app = appWith(built, { topics: loadTopicGuide(built.index.document) });
  });

  afterAll(async () => {
    await built?.cleanup();
  });

  it('lists the twelve topics with their counts', async () => {
    const response = await request(app).get('/api/topics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const topics = response.body.topics as TopicSummary[];
    expect(topics.map((topic) => topic.id)).toEqual([
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
    ]);
    for (const topic of topics) {
      expect(Object.keys(topic).sort()).toEqual([
        'articleCount',
        'heading',
        'id',
        'name',
        'sentenceCount',
      ]);
      expect(topic.articleCount).toBeGreaterThan(0);
      expect(topic.sentenceCount).toBeGreaterThanOrEqual(topic.articleCount);
    }
    expect(topics.find((topic) => topic.id === 'health')).toMatchObject({ name: '医疗' });
  });

  it('gives a topic its articles with quotes that are verbatim in GET /api/articles/:n', async () => {
    const response = await request(app).get('/api/topics/jobs');
    expect(response.status).toBe(200);
    const topic = response.body as TopicBody;
    expect(Object.keys(topic).sort()).toEqual(['articles', 'heading', 'id', 'name']);
    expect(topic).toMatchObject({ id: 'jobs', name: '就业' });
    expect(topic.articles[0]).toMatchObject({ article: 25, title: '促进高质量充分就业', part: 8 });
    for (const entry of topic.articles) {
      expect(Object.keys(entry).sort()).toEqual([
        'article',
        'part',
        'partTitle',
        'sentences',
        'title',
      ]);
      const article = await request(app).get(`/api/articles/${entry.article}`);
      expect(entry.partTitle).toBe(article.body.partTitle);
      for (const sentence of entry.sentences) {
        expect(Object.keys(sentence)).toEqual(['quote']);
        expect(article.body.text).toContain(sentence.quote);
      }
    }
  });

  it('answers an unknown topic with a JSON 404 that lists the topics', async () => {
    const response = await request(app).get('/api/topics/parking');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.error.code).toBe('not_found');
    expect(response.body.error.message).toMatch(/parking.*jobs, education/);
  });

  it('is not mounted when the app is created without a topic guide', async () => {
    const response = await request(appWith(built, {})).get('/api/topics');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
