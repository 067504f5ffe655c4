import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { GLOSSARY_FILE, type GlossaryData } from '../../ingest/glossary/glossary-schema.ts';
import { createApp } from '../../server/app.ts';
import { ChatService } from '../../server/chat/chat-service.ts';
import { GlossaryError, loadGlossary } from '../../server/glossary/glossary.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { buildPlanIndex, makeTempDir, type BuiltIndex } from '../helpers/plan-index.ts';

interface TermBody {
  term: string;
  kind: 'slogan' | 'term';
  articles: number[];
  definition?: { article: number; quote: string };
  occurrences: Array<{ article: number; quote: string }>;
}

describe('GET /api/glossary and loadGlossary', () => {
  let built: BuiltIndex;
  let app: Express;
  let temp: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    built = await buildPlanIndex();
    temp = await makeTempDir('glossary-');
    const retriever = new HybridRetriever(built.index, built.embedder);
    const document = built.index.document;
    app = createApp({
      retriever,
      document,
      manifest: built.index.manifest,
      chat: new ChatService({ retriever, document, chatModel: null }),
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 0,
      corsOrigins: [],
      glossary: loadGlossary(document),
    });
  });

  afterAll(async () => {
    await built?.cleanup();
    await temp?.cleanup();
  });

  it('lists every term with its articles and verbatim occurrences, and a definition only where the plan gives one', async () => {
    const response = await request(app).get('/api/glossary');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const terms = response.body.terms as TermBody[];
    expect(terms.length).toBeGreaterThanOrEqual(40);
    for (const entry of terms) {
      expect(Object.keys(entry).sort()).toEqual(
        entry.definition
          ? ['articles', 'definition', 'kind', 'occurrences', 'term']
          : ['articles', 'kind', 'occurrences', 'term'],
      );
      expect(['slogan', 'term']).toContain(entry.kind);
      for (const occurrence of entry.occurrences) {
        expect(Object.keys(occurrence).sort()).toEqual(['article', 'quote']);
        expect(articleByNumber(built.index.document, occurrence.article)!.text).toContain(
          occurrence.quote,
        );
      }
    }
    const fiveZones = terms.find((entry) => entry.term === '五区一河')!;
    expect(Object.keys(fiveZones.definition!).sort()).toEqual(['article', 'quote']);
    expect(fiveZones.definition!.article).toBe(7);
    expect(fiveZones.articles).toEqual([3, 7]);
    expect(terms.find((entry) => entry.term === '枫桥经验')).toMatchObject({
      kind: 'slogan',
      articles: [32],
    });
    expect(terms.find((entry) => entry.term === '枫桥经验')!.definition).toBeUndefined();
  });

  it('refuses a glossary that omits an article using a term, or whose definition is not verbatim, naming the rebuild command', () => {
    const committed = (): GlossaryData =>
      JSON.parse(readFileSync(GLOSSARY_FILE, 'utf8')) as GlossaryData;
    const write = (name: string, data: GlossaryData) => {
      const file = path.join(temp.dir, name);
      writeFileSync(file, JSON.stringify(data));
      return file;
    };
    const omitted = committed();
    const fiveZones = omitted.terms.find((entry) => entry.term === '五区一河')!;
    fiveZones.articles = [7];
    fiveZones.occurrences = fiveZones.occurrences.filter((occurrence) => occurrence.article === 7);
    expect(() => loadGlossary(built.index.document, write('omitted.json', omitted))).toThrow(
      GlossaryError,
    );
    expect(() => loadGlossary(built.index.document, write('omitted.json', omitted))).toThrow(
      /五区一河 is listed in articles \[7\] but the document uses it in articles \[3, 7\].*npm run build:glossary/,
    );

    const paraphrased = committed();
    paraphrased.terms.find((entry) => entry.term === '五区一河')!.definition!.quote =
      '“五区一河”指精品城区、生态矿区、绿色园区、美丽农区和优美河湖。';
    expect(() =>
      loadGlossary(built.index.document, write('paraphrased.json', paraphrased)),
    ).toThrow(/definition quote is not verbatim in article 7/);
  });

  it('is not mounted when the app is created without a glossary', async () => {
    const retriever = new HybridRetriever(built.index, built.embedder);
    const document = built.index.document;
    const bare = createApp({
      retriever,
      document,
      manifest: built.index.manifest,
      chat: new ChatService({ retriever, document, chatModel: null }),
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 0,
      corsOrigins: [],
    });
    expect((await request(bare).get('/api/glossary')).status).toBe(404);
  });
});
