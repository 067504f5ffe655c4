import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import {
  articleTexts,
  citedArticleNumbers,
  expectChatShape,
  expectVerbatimCitations,
} from '../helpers/chat-http.ts';
import { expectExtractiveLines } from '../helpers/extractive-lines.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';

describe('POST /api/chat (offline): the answer contract', () => {
  let built: BuiltIndex;
  let app: Express;
  let textOf: (article: number) => Promise<string>;

  beforeAll(async () => {
    built = await buildPlanIndex();
    app = (await createTestApp({ built })).app;
    textOf = articleTexts(app);
  });

  afterAll(async () => {
    await built?.cleanup();
  });

  async function chat(body: Record<string, unknown>): Promise<ChatResponse> {
    const response = await request(app).post('/api/chat').send(body);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expectChatShape(response.body);
    return response.body;
  }

  /** Everything an offline answer must satisfy, whatever the question. */
  async function expectGroundedOffline(body: ChatResponse): Promise<void> {
    expect(body.provider).toBe('offline');
    expect(body.notice).toBeUndefined();
    await expectVerbatimCitations(app, body, textOf);
    const quoted = await expectExtractiveLines(body.answer, textOf);
    // The articles quoted in the text are exactly the cited ones, and every citation's quote appears in the text.
    expect(quoted.sort((a, b) => a - b)).toEqual(citedArticleNumbers(body).sort((a, b) => a - b));
    for (const citation of body.citations)
      expect(body.answer).toContain(`“${citation.quote}”〔第${citation.article}条〕`);
    // Citation metadata agrees with GET /api/articles/:n.
    for (const citation of body.citations) {
      const article = (await request(app).get(`/api/articles/${citation.article}`)).body as {
        title: string;
        part: number;
        partTitle: string;
      };
      expect({ title: citation.title, part: citation.part, partTitle: citation.partTitle }).toEqual(
        { title: article.title, part: article.part, partTitle: article.partTitle },
      );
    }
    // Related articles are real; beside an answer they are further reading, not the articles already cited.
    const cited = new Set(citedArticleNumbers(body));
    for (const item of body.related) {
      if (body.answered) expect(cited.has(item.article)).toBe(false);
      expect((await request(app).get(`/api/articles/${item.article}`)).body.title).toBe(item.title);
    }
  }

  describe('answers', () => {
    it('a precise staff question: the Yellow River water-quality class (Ⅱ类, article 7)', async () => {
      const body = await chat({ message: '黄河乌海段水质要稳定在什么类别？', mode: 'staff' });
      expect(body.answered).toBe(true);
      expect(body.mode).toBe('staff');
      expect(body.answer).toContain('Ⅱ类');
      expect(
        body.citations.some((citation) => citation.article === 7 && citation.quote.includes('Ⅱ类')),
      ).toBe(true);
      expect(citedArticleNumbers(body)[0]).toBe(7);
      await expectGroundedOffline(body);
    });

    it('a citizen question in everyday words: winter heating cites article 23 (清洁供暖)', async () => {
      const body = await chat({ message: '冬天取暖有什么打算？', mode: 'citizen' });
      expect(body.answered).toBe(true);
      expect(body.mode).toBe('citizen');
      expect(citedArticleNumbers(body)).toContain(23);
      expect(
        body.citations.some(
          (citation) => citation.article === 23 && citation.quote.includes('清洁供暖'),
        ),
      ).toBe(true);
      await expectGroundedOffline(body);
    });

    it('第12条讲什么 quotes article 12 only', async () => {
      const body = await chat({ message: '第12条讲什么' });
      expect(body.answered).toBe(true);
      expect(body.mode).toBe('staff');
      expect(citedArticleNumbers(body)).toEqual([12]);
      expect(body.answer).toContain('优化能源消费结构');
      await expectGroundedOffline(body);
    });

    it('第八部分讲了哪些内容 goes through articles 25 to 29 in order', async () => {
      const body = await chat({ message: '第八部分讲了哪些内容' });
      expect(body.answered).toBe(true);
      expect(citedArticleNumbers(body)).toEqual([25, 26, 27, 28, 29]);
      const outline = (await request(app).get('/api/articles')).body as {
        parts: Array<{ part: number; title: string }>;
      };
      expect(body.answer).toContain(outline.parts[7]!.title);
      for (const citation of body.citations) expect(citation.part).toBe(8);
      await expectGroundedOffline(body);
    });

    it('modes are echoed back', async () => {
      for (const mode of ['staff', 'citizen', 'trainer'] as const) {
        const body = await chat({ message: '第12条讲什么', mode });
        expect(body.mode).toBe(mode);
        expect(citedArticleNumbers(body)).toEqual([12]);
        await expectGroundedOffline(body);
      }
      expect((await chat({ message: '第12条讲什么' })).mode).toBe('staff');
    });

    it.each(['孩子上学有什么变化？', '看病方便吗？', '新型储能和绿电有什么安排？'])(
      'citizens get a shorter answer than staff, quoting no more sentences: %s',
      async (message) => {
        const staff = await chat({ message, mode: 'staff' });
        const citizen = await chat({ message, mode: 'citizen' });
        expect(staff.answered && citizen.answered).toBe(true);
        expect(citizen.answer.length).toBeLessThan(staff.answer.length);
        expect(citizen.citations.length).toBeLessThanOrEqual(staff.citations.length);
        await expectGroundedOffline(staff);
        await expectGroundedOffline(citizen);
      },
    );

    it('trainers get structured study notes: 【学习要点】, numbered article headings, discussion questions', async () => {
      const body = await chat({ message: '冬天取暖有什么打算？', mode: 'trainer' });
      expect(body.answered).toBe(true);
      const lines = body.answer.split('\n');
      expect(lines[0]).toBe('【学习要点】');
      expect(lines).toContain('【讨论题】');
      expect(lines.some((line) => /^一、第23条 /.test(line))).toBe(true);
      // Points are bulleted quotes.
      expect(lines.filter((line) => line.startsWith('· “')).length).toBeGreaterThan(0);
      await expectGroundedOffline(body);
      const staff = await chat({ message: '冬天取暖有什么打算？', mode: 'staff' });
      expect(staff.answer).not.toContain('【学习要点】');
    });
  });

  describe('refusals', () => {
    it('an off-topic request (a recipe) is declined with answered=false, saying the document does not cover it', async () => {
      const body = await chat({ message: '教我做一道红烧羊肉' });
      expect(body.answered).toBe(false);
      expect(body.answer).toContain('《建议》中没有涉及');
      expect(body.citations).toEqual([]);
      expect(body.related.length).toBeGreaterThan(0);
      await expectGroundedOffline(body);
    });

    it.each(['第40条', '第40条讲什么？'])(
      'an article the document does not have (%s) is declined with answered=false',
      async (message) => {
        const body = await chat({ message });
        expect(body.answered).toBe(false);
        expect(body.answer).toContain('第40条');
        expect(body.answer).toContain('第36条');
        expect(body.citations.every((citation) => citation.article !== 40)).toBe(true);
        expect(body.related.every((item) => item.article >= 1 && item.article <= 36)).toBe(true);
        await expectGroundedOffline(body);
      },
    );

    it('a part the document does not have (第十二部分) is declined with answered=false', async () => {
      const body = await chat({ message: '第十二部分讲了什么？' });
      expect(body.answered).toBe(false);
      expect(body.answer).toContain('10');
      await expectGroundedOffline(body);
    });

    it('a question for a figure the document does not give says so and quotes what it does say', async () => {
      const body = await chat({ message: '乌海清洁供暖改造要花多少钱？' });
      expect(body.answered).toBe(false);
      expect(body.answer).toContain('没有给出');
      // What the document does say about it (清洁供暖, article 23) is quoted instead of a number.
      expect(
        body.citations.some(
          (citation) => citation.article === 23 && citation.quote.includes('清洁供暖'),
        ),
      ).toBe(true);
      expect(body.answer).not.toMatch(/\d+\s*(亿|万)?元/);
      await expectGroundedOffline(body);
    });
  });

  describe('follow-ups with history', () => {
    it('民生部分第一条 → 25, then 那第二条呢 → 26', async () => {
      const first = await chat({ message: '民生部分第一条讲什么？' });
      expect(first.answered).toBe(true);
      expect(citedArticleNumbers(first)).toEqual([25]);
      await expectGroundedOffline(first);

      const history = [
        { role: 'user', content: '民生部分第一条讲什么？' },
        { role: 'assistant', content: first.answer },
      ];
      const second = await chat({ message: '那第二条呢？', history });
      expect(second.answered).toBe(true);
      expect(citedArticleNumbers(second)).toEqual([26]);
      await expectGroundedOffline(second);

      const third = await chat({
        message: '那第三条呢？',
        history: [
          ...history,
          { role: 'user', content: '那第二条呢？' },
          { role: 'assistant', content: second.answer },
        ],
      });
      expect(citedArticleNumbers(third)).toEqual([27]);
    });

    it('这一条 refers to the article the last answer cited (〔第12条〕)', async () => {
      const history = [
        { role: 'user', content: '新能源这块规划是怎么考虑的？' },
        {
          role: 'assistant',
          content:
            '《建议》第12条“优化能源消费结构”提出：\n“扩大新能源装机规模,合理布局光储充一体化、源网荷储一体化项目。”〔第12条〕',
        },
      ];
      const body = await chat({ message: '这一条里储能具体怎么说？', history });
      expect(body.answered).toBe(true);
      expect(citedArticleNumbers(body)).toEqual([12]);
      expect(body.citations.some((citation) => citation.quote.includes('储能'))).toBe(true);
      await expectGroundedOffline(body);
    });

    it('the same words follow whichever article the last answer cited (〔第16条〕 also mentions 储能)', async () => {
      const history = [
        { role: 'user', content: '应用场景方面有什么打算？' },
        {
          role: 'assistant',
          content:
            '《建议》第16条“打造应用场景”提出：\n“坚持以应用为导向,以场景创新为牵引。”〔第16条〕',
        },
      ];
      const body = await chat({ message: '这一条里储能具体怎么说？', history });
      expect(body.answered).toBe(true);
      expect(citedArticleNumbers(body)).toEqual([16]);
      expect(body.citations.some((citation) => citation.quote.includes('储能'))).toBe(true);
      await expectGroundedOffline(body);
    });
  });
});
