import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { expectDocumentAnswerLines } from '../helpers/document-lines.ts';
import { buildPlanIndex, readSource, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let built: BuiltIndex;
let testApp: TestApp;
let source: string;
const articleTexts = new Map<number, string>();

beforeAll(async () => {
  built = await buildPlanIndex();
  testApp = await createTestApp({ built });
  source = await readSource();
  for (let article = 1; article <= 36; article += 1)
    articleTexts.set(
      article,
      (await request(testApp.app).get(`/api/articles/${article}`).expect(200)).body.text,
    );
});
afterAll(async () => {
  await built.cleanup();
});

async function ask(message: string, mode: string, history: unknown[] = []): Promise<ChatResponse> {
  return (await request(testApp.app).post('/api/chat').send({ message, mode, history }).expect(200))
    .body as ChatResponse;
}

/** Answered, grounded line by line in the document, citations verbatim in GET /api/articles/:n. */
function expectGrounded(body: ChatResponse): void {
  expect(body.answered).toBe(true);
  expect(body.provider).toBe('offline');
  expectDocumentAnswerLines(body, (article) => articleTexts.get(article) ?? '', source);
}

const cited = (body: ChatResponse) => [...new Set(body.citations.map((c) => c.article))];

describe.each(['staff', 'citizen'])('questions about the document itself (%s)', (mode) => {
  it('这份建议是什么时候通过的？ gives the adoption note, not a refusal', async () => {
    const body = await ask('这份建议是什么时候通过的？', mode);
    expectGrounded(body);
    expect(body.answer).toContain('二〇二五年十一月二十五日');
    expect(body.answer).toContain('中国共产党乌海市第八届委员会第十次全体会议通过');
    expect(body.citations).toEqual([]);
  });

  it('建议一共分为几个部分？ counts the parts and lists their headings', async () => {
    const body = await ask('建议一共分为几个部分？', mode);
    expectGrounded(body);
    expect(body.answer).toContain('10个部分');
    expect(body.answer).toContain('抢抓机遇、克难奋进,在中国式现代化建设中闯新路、促转型');
    expect(body.answer).toContain('统筹发展和安全,建设更高水平平安乌海');
  });

  it('2035年远景目标是什么？ quotes the 2035 vision, not the five-year goals', async () => {
    for (const message of ['2035年远景目标是什么？', '二〇三五年远景目标是什么？']) {
      const body = await ask(message, mode);
      expectGrounded(body);
      expect(body.answer).toContain(
        '到二〇三五年全市生态环境质量、转型发展质效、综合经济实力大幅提升',
      );
      expect(body.answer).not.toContain('——生态环境质量明显改善');
      expect(cited(body)).toEqual([3]);
    }
  });

  it('主要目标是什么？ still lists the main goals', async () => {
    const body = await ask('主要目标是什么？', mode);
    expectGrounded(body);
    expect(body.answer).toContain('生态环境质量明显改善');
    expect(body.answer).not.toContain('二〇三五年全市');
    expect(cited(body)).toEqual([3]);
  });

  it('第23条属于哪一部分？ names part 7 and cites 第23条 by its title sentence', async () => {
    for (const message of ['第23条属于哪一部分？', '第二十三条属于哪个部分？']) {
      const body = await ask(message, mode);
      expectGrounded(body);
      expect(body.answer).toContain('第七部分');
      expect(body.answer).toContain('促进城乡融合,建设小而美、小而优的精品城市');
      expect(body.citations.map((c) => [c.article, c.quote])).toEqual([[23, '提升城市功能品质。']]);
    }
  });

  it('第三部分的标题是什么 gives the heading of part 3', async () => {
    const body = await ask('第三部分的标题是什么', mode);
    expectGrounded(body);
    expect(body.answer).toContain('坚持生态优先、绿色发展,系统推进生态环境综合治理');
    expect(cited(body)).toEqual([7, 8, 9]);
  });

  it('第八部分开头强调了什么原则 quotes the paragraph before its first article, not a list of articles', async () => {
    const body = await ask('第八部分开头强调了什么原则？', mode);
    expectGrounded(body);
    expect(body.answer).toContain('坚持尽力而为、量力而行,加强普惠性、基础性、兜底性民生建设');
    expect(body.answer).not.toContain('〔第25条〕');
  });

  it('第一部分开头说了什么: a part with no paragraph before its articles is answered from its articles', async () => {
    const body = await ask('第一部分开头说了什么', mode);
    expectGrounded(body);
    expect(cited(body)).toContain(1);
  });

  it('建议有多少条 counts the articles', async () => {
    const body = await ask('建议有多少条', mode);
    expectGrounded(body);
    expect(body.answer).toContain('共36条');
  });

  it('第五部分包括哪些条 lists articles 14 to 17 by title', async () => {
    const body = await ask('第五部分包括哪些条', mode);
    expectGrounded(body);
    expect(cited(body)).toEqual([14, 15, 16, 17]);
    expect(body.answer).toContain('强化人才支撑');
  });

  it('为了贯彻哪些会议精神 quotes the preamble', async () => {
    const body = await ask('制定建议是为了贯彻哪些会议精神？', mode);
    expectGrounded(body);
    expect(body.answer).toContain('党的二十届四中全会精神');
    expect(body.answer).toContain('自治区党委十一届十次全会精神');
  });

  it('结束语说了什么 quotes the closing call', async () => {
    const body = await ask('结束语说了什么', mode);
    expectGrounded(body);
    expect(body.answer).toContain('不断书写中国式现代化乌海新篇章');
  });

  it('这一条属于哪一部分 right after an answer citing 第31条', async () => {
    const body = await ask('这一条属于哪一部分？', mode, [
      { role: 'user', content: '安全生产有什么要求？' },
      {
        role: 'assistant',
        content:
          '第31条“防范化解重点领域风险”提出：“深化安全生产治本攻坚行动,持续开展重点行业领域专项整治,严防重特大事故发生”〔第31条〕。',
      },
    ]);
    expectGrounded(body);
    expect(body.answer).toContain('第31条属于第九部分');
    expect(body.answer).toContain('统筹发展和安全,建设更高水平平安乌海');
    expect(cited(body)).toEqual([31]);
  });

  it('questions that are not about the document are answered as before', async () => {
    const carbon = await ask('乌海什么时候实现碳达峰', mode);
    expect(carbon.answer).not.toContain('题注');
    expect(carbon.answer).not.toContain('第十次全体会议');
    const article = await ask('第23条讲什么', mode);
    expect(article.answer).not.toContain('属于第七部分');
    expect(article.citations.some((c) => c.quote !== '提升城市功能品质。')).toBe(true);
    const doctor = await ask('看病难怎么办', mode);
    expect(cited(doctor)).toContain(27);
  });
});

describe('an article asked about by number (staff)', () => {
  it('第二十条的标题 and 第12条讲什么 quote the title first, then the opening sentences', async () => {
    for (const [question, title] of [
      ['第（20）条的标题是什么？', '做好资源要素保障。'],
      ['第12条讲什么？', '优化能源消费结构。'],
    ] as const) {
      const body = await ask(question, 'staff');
      expectGrounded(body);
      expect(body.citations[0]?.quote).toBe(title);
      expect(body.citations.length).toBeGreaterThan(2);
      // The title is quoted, not repeated in the lead line.
      expect(body.answer.split('\n')[0]).not.toContain(title.slice(0, -1));
    }
  });

  it('a question about one subject of a named article quotes the sentence on it, not the title', async () => {
    const body = await ask('第12条关于绿电直连怎么说', 'staff');
    expect(body.citations[0]?.quote).toContain('绿电直连');
  });
});
