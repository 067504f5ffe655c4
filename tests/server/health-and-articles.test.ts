import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { buildPlanIndex, readSource, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);

interface Outline {
  title: string;
  parts: Array<{
    part: number;
    title: string;
    articles: Array<{ article: number; title: string }>;
  }>;
}

interface ArticleBody {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  text: string;
}

describe('GET /healthz, /api/articles, /api/search and response headers', () => {
  let built: BuiltIndex;
  let app: Express;
  let source: string;

  beforeAll(async () => {
    built = await buildPlanIndex();
    app = (await createTestApp({ built })).app;
    source = await readSource();
  });

  afterAll(async () => {
    await built?.cleanup();
  });

  describe('/healthz', () => {
    it('reports ok, the index it serves and the provider', async () => {
      const response = await request(app).get('/healthz');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        ok: true,
        index: {
          articles: 36,
          chunks: built.manifest.counts.chunks,
          embedder: built.embedder.id,
          createdAt: built.manifest.createdAt,
        },
        provider: 'offline',
        // A single process without Redis and without a response cache (the test app's).
        redis: 'off',
        responseCache: { kind: 'off', hits: 0, sharedHits: 0, misses: 0 },
      });
      expect(response.body.index.chunks).toBeGreaterThanOrEqual(36);
      expect(Number.isNaN(Date.parse(response.body.index.createdAt))).toBe(false);
    });
  });

  describe('/api/articles', () => {
    it('the outline has the document title, 10 parts and articles 1 to 36 in order', async () => {
      const response = await request(app).get('/api/articles');
      expect(response.status).toBe(200);
      const outline = response.body as Outline;
      expect(Object.keys(outline).sort()).toEqual(['parts', 'title']);
      expect(outline.title.length).toBeGreaterThan(0);
      expect(source).toContain(outline.title);
      expect(outline.parts.map((part) => part.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const articles = outline.parts.flatMap((part) =>
        part.articles.map((article) => article.article),
      );
      expect(articles).toEqual(Array.from({ length: 36 }, (_, index) => index + 1));
      for (const part of outline.parts) {
        expect(part.articles.length).toBeGreaterThan(0);
        expect(part.title.length).toBeGreaterThan(0);
        expect(source).toContain(part.title);
      }
      expect(outline.parts[7]!.articles.map((article) => article.article)).toEqual([
        25, 26, 27, 28, 29,
      ]);
    });

    it('article 12: 优化能源消费结构, in part 4, with its verbatim text', async () => {
      const response = await request(app).get('/api/articles/12');
      expect(response.status).toBe(200);
      const article = response.body as ArticleBody;
      expect(Object.keys(article).sort()).toEqual([
        'article',
        'part',
        'partTitle',
        'text',
        'title',
      ]);
      expect(article.article).toBe(12);
      expect(article.title).toBe('优化能源消费结构');
      expect(article.part).toBe(4);
      const outline = (await request(app).get('/api/articles')).body as Outline;
      expect(article.partTitle).toBe(outline.parts[3]!.title);
      expect(article.text.startsWith('优化能源消费结构。')).toBe(true);
      expect(article.text).toContain('推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。');
      expect(article.text).not.toMatch(/^\(12\)/);
    });

    it('every article agrees with the outline, and its text is verbatim from the source document', async () => {
      const outline = (await request(app).get('/api/articles')).body as Outline;
      for (const part of outline.parts) {
        for (const entry of part.articles) {
          const response = await request(app).get(`/api/articles/${entry.article}`);
          expect(response.status).toBe(200);
          const article = response.body as ArticleBody;
          expect({
            article: article.article,
            title: article.title,
            part: article.part,
            partTitle: article.partTitle,
          }).toEqual({
            article: entry.article,
            title: entry.title,
            part: part.part,
            partTitle: part.title,
          });
          expect(article.text.startsWith(article.title)).toBe(true);
          for (const paragraph of article.text.split('\n'))
            expect(source, `article ${entry.article}`).toContain(paragraph);
        }
      }
    });
  });

  describe('/api/search', () => {
    it('returns {query, results} with at most k results, each with article, title, part, score and snippet', async () => {
      const response = await request(app).get('/api/search').query({ q: '冬天取暖', k: 3 });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['query', 'results']);
      expect(response.body.query).toBe('冬天取暖');
      expect(response.body.results.length).toBeGreaterThan(0);
      expect(response.body.results.length).toBeLessThanOrEqual(3);
      for (const result of response.body.results) {
        expect(Object.keys(result).sort()).toEqual([
          'article',
          'part',
          'score',
          'snippet',
          'title',
        ]);
        expect(typeof result.score).toBe('number');
        expect(result.snippet.length).toBeGreaterThan(0);
      }
      expect(response.body.results.map((result: { article: number }) => result.article)).toContain(
        23,
      );
      const defaults = await request(app).get('/api/search').query({ q: '冬天取暖' });
      expect(defaults.body.results.length).toBeLessThanOrEqual(5);
    });

    it('returns the same JSON as `npm run search -- --json` over the same index', async () => {
      const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
      const { stdout } = await run(
        tsx,
        ['server/cli/search-cli.ts', '黄河水质', '-k', '4', '--json'],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            INDEX_DIR: built.indexDir,
            EMBEDDER: 'offline',
            EMBEDDING_MODEL: '',
            LOG_LEVEL: 'silent',
          },
        },
      );
      const cli = JSON.parse(stdout.trim()) as unknown;
      const api = await request(app).get('/api/search').query({ q: '黄河水质', k: 4 });
      expect(api.status).toBe(200);
      expect(api.body).toEqual(cli);
    });
  });

  describe('headers', () => {
    it.each([
      ['GET', '/healthz'],
      ['GET', '/api/articles'],
      ['GET', '/api/articles/12'],
      ['GET', '/api/search?q=%E5%8F%96%E6%9A%96'],
      ['GET', '/api/nothing-here'],
    ])('security headers on %s %s', async (_method, url) => {
      const response = await request(app).get(url);
      const csp = response.headers['content-security-policy'] as string;
      expect(csp).toBeDefined();
      expect(csp.split(';').map((directive) => directive.trim())).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it('security headers on POST /api/chat', async () => {
      const response = await request(app).post('/api/chat').send({ message: '第12条讲什么' });
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('echoes a well-formed X-Request-Id', async () => {
      for (const url of ['/healthz', '/api/articles/12', '/api/nothing-here']) {
        const response = await request(app).get(url).set('X-Request-Id', 'trace-abc.123_XYZ');
        expect(response.headers['x-request-id']).toBe('trace-abc.123_XYZ');
      }
      const chat = await request(app)
        .post('/api/chat')
        .set('X-Request-Id', 'chat-req-1')
        .send({ message: '' });
      expect(chat.status).toBe(400);
      expect(chat.headers['x-request-id']).toBe('chat-req-1');
    });

    it('replaces a missing or malformed X-Request-Id with a fresh id', async () => {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const first = await request(app).get('/healthz');
      const second = await request(app).get('/healthz');
      expect(first.headers['x-request-id']).toMatch(uuid);
      expect(second.headers['x-request-id']).toMatch(uuid);
      expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
      for (const bad of ['has spaces in it', 'x'.repeat(65), '<script>', 'a/b']) {
        const response = await request(app).get('/healthz').set('X-Request-Id', bad);
        expect(response.headers['x-request-id']).toMatch(uuid);
      }
    });
  });

  describe('CORS', () => {
    it('allows only the configured origins on /api', async () => {
      const cors = (await createTestApp({ built, corsOrigins: ['https://portal.example'] })).app;
      const allowed = await request(cors)
        .get('/api/articles')
        .set('Origin', 'https://portal.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example');
      const other = await request(cors).get('/api/articles').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const none = await request(app).get('/api/articles').set('Origin', 'https://portal.example');
      expect(none.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
