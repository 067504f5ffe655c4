import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse, ChatTurn } from '../../core/wire/chat-wire.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { citedArticleNumbers, expectVerbatimCitations } from '../helpers/chat-http.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let built: BuiltIndex;
let testApp: TestApp;
const { fill } = loadAnswerPolicy().templates;

beforeAll(async () => {
  built = await buildPlanIndex();
  testApp = await createTestApp({ built });
});
afterAll(async () => {
  await built.cleanup();
});

/** Asks each message in turn through the real app, feeding every answer back as history. */
async function converse(messages: string[], mode = 'staff'): Promise<ChatResponse[]> {
  const history: ChatTurn[] = [];
  const bodies: ChatResponse[] = [];
  for (const message of messages) {
    const body = (
      await request(testApp.app).post('/api/chat').send({ message, history, mode }).expect(200)
    ).body as ChatResponse;
    bodies.push(body);
    history.push({ role: 'user', content: message }, { role: 'assistant', content: body.answer });
  }
  return bodies;
}

/** The last article number, from the outline the app serves. */
async function lastArticle(): Promise<number> {
  const outline = (await request(testApp.app).get('/api/articles').expect(200)).body as {
    parts: Array<{ articles: Array<{ article: number }> }>;
  };
  return outline.parts.at(-1)!.articles.at(-1)!.article;
}

describe('下一条 / 上一条 move to the adjacent article', () => {
  it.each(['staff', 'citizen', 'trainer'])(
    '下一条 after 第12条讲什么 cites 第13条 (%s)',
    async (mode) => {
      const [first, next] = await converse(['第12条讲什么？', '下一条'], mode);
      expect(citedArticleNumbers(first!)).toEqual([12]);
      expect(next!.answered).toBe(true);
      expect(citedArticleNumbers(next!)).toEqual([13]);
      await expectVerbatimCitations(testApp.app, next!);
    },
  );

  it('上一条 after 第12条 cites 第11条, and 下一条 twice walks on to 第14条', async () => {
    const [, previous] = await converse(['第12条讲什么？', '上一条讲的是什么？']);
    expect(citedArticleNumbers(previous!)).toEqual([11]);
    const [, , further] = await converse(['第12条讲什么？', '下一条呢', '下一条呢']);
    expect(citedArticleNumbers(further!)).toEqual([14]);
  });

  it('上一条 after 第1条 says there is none before it', async () => {
    const [, previous] = await converse(['第1条讲什么？', '上一条']);
    expect(previous).toMatchObject({
      answer: fill('followUp.noPrevious', { article: 1 }),
      answered: false,
      citations: [],
      related: [],
    });
  });

  it('下一条 after the last article says there is none after it', async () => {
    const last = await lastArticle();
    const [, next] = await converse([`第${last}条讲什么？`, '下一条呢？']);
    expect(next).toMatchObject({
      answer: fill('followUp.noNext', { article: last }),
      answered: false,
      citations: [],
    });
  });
});

describe('具体怎么做 answers from the same article without repeating it', () => {
  it.each(['staff', 'citizen'])(
    'after 乌海要打造哪两个产业集群？ each further turn quotes only new sentences of 第11条, then says all was listed (%s)',
    async (mode) => {
      const messages = [
        '乌海要打造哪两个产业集群？',
        '具体怎么做',
        '具体说说',
        '详细一点',
        '再具体一些',
      ];
      const bodies = await converse(messages, mode);
      expect(citedArticleNumbers(bodies[0]!)).toEqual([11]);
      const [second] = bodies.slice(1);
      expect(second!.answered).toBe(true);
      expect(citedArticleNumbers(second!)).toEqual([11]);
      const seen = new Set<string>(bodies[0]!.citations.map((citation) => citation.quote));
      for (const body of bodies.slice(1)) {
        for (const citation of body.citations) {
          expect(citation.article).toBe(11);
          expect(seen.has(citation.quote), `repeated: ${citation.quote}`).toBe(false);
          seen.add(citation.quote);
        }
        await expectVerbatimCitations(testApp.app, body);
      }
      const done = bodies.at(-1)!;
      expect(done).toMatchObject({
        answer: fill('followUp.allQuoted', { articles: '第11条' }),
        answered: false,
        citations: [],
      });
    },
  );
});

describe('还有吗 until nothing is left', () => {
  it.each(['staff', 'citizen'])(
    '还有吗 twice after 看病 never cites an article twice and ends with the nothing-more note (%s)',
    async (mode) => {
      const bodies = await converse(['看病方面有什么新说法？', '还有吗', '还有吗', '还有吗'], mode);
      const cited = bodies.flatMap((body) => citedArticleNumbers(body));
      expect(new Set(cited).size).toBe(cited.length);
      const notes = bodies.filter((body) => !body.answered);
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes)
        expect(note).toMatchObject({
          answer: fill('followUp.noMore'),
          citations: [],
          related: [],
        });
      expect(bodies.some((body) => body.answer === fill('refusal.notCoveredGeneric'))).toBe(false);
    },
  );
});

describe('还有吗 when no other article answers', () => {
  it('quotes what the article already cited says on it and was not quoted yet, not the same sentence again', async () => {
    // Article 23 holds both sentences on heating: 推进建成区“四类管网”改造 and 推动城区基本实现清洁供暖全覆盖.
    const history: ChatTurn[] = [
      { role: 'user', content: '城里取暖的事规划怎么说？' },
      {
        role: 'assistant',
        content: '建议提出“实施城乡一体化供水工程,推进建成区“四类管网”改造。”〔第23条〕',
      },
    ];
    const body = (
      await request(testApp.app)
        .post('/api/chat')
        .send({ message: '还有吗', history, mode: 'staff' })
        .expect(200)
    ).body as ChatResponse;
    expect(body.answered).toBe(true);
    await expectVerbatimCitations(testApp.app, body);
    expect(citedArticleNumbers(body)).toEqual([23]);
    expect(body.citations.some((citation) => citation.quote.includes('清洁供暖全覆盖'))).toBe(true);
    expect(body.citations.every((citation) => !citation.quote.includes('四类管网'))).toBe(true);
  });
});

describe('a topic switch with a subject of its own searches the whole plan', () => {
  it.each([
    ['那教育方面呢', 26],
    ['那养老呢', 28],
  ])('%s after 看病 cites 第%i条', async (message, article) => {
    const [first, next] = await converse(['看病方面有什么新说法？', message]);
    expect(citedArticleNumbers(first!)).not.toContain(article);
    expect(next!.answered).toBe(true);
    expect(citedArticleNumbers(next!)).toContain(article);
  });
});
