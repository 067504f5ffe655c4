import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { renderPrompt } from '../../server/llm/render-prompt.ts';
import {
  articleTexts,
  citedArticleNumbers,
  expectChatShape,
  expectVerbatimCitations,
} from '../helpers/chat-http.ts';
import { expectExtractiveLines } from '../helpers/extractive-lines.ts';
import {
  closedPortURL,
  startFakeChatServer,
  type ChatReply,
  type FakeChatServer,
} from '../helpers/fake-chat-server.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';

const PROVIDER = 'openai-compatible:fake-model';
/** A sentence of article 12 exactly as the document has it (the document writes a half-width comma). */
const STORAGE_SENTENCE = '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。';
const ARTICLE_12_QUESTION = '第12条讲什么？';

describe('answers written by a language model (fake OpenAI-compatible server)', () => {
  let built: BuiltIndex;
  let fake: FakeChatServer;
  let app: Express;
  let offline: Express;
  let textOf: (article: number) => Promise<string>;

  beforeAll(async () => {
    built = await buildPlanIndex();
    fake = await startFakeChatServer();
    app = (await createTestApp({ built, modelBaseURL: fake.baseURL, modelTimeoutMs: 5000 })).app;
    offline = (await createTestApp({ built })).app;
    textOf = articleTexts(offline);
  });

  afterAll(async () => {
    await fake?.close();
    await built?.cleanup();
  });

  /** Asks the model-backed app and returns the response body with the requests the fake received for it. */
  async function ask(
    message: string,
    options: { mode?: string; history?: unknown[]; on?: Express } = {},
  ) {
    const before = fake.requests.length;
    const response = await request(options.on ?? app)
      .post('/api/chat')
      .send({
        message,
        ...(options.mode ? { mode: options.mode } : {}),
        ...(options.history ? { history: options.history } : {}),
      });
    expect(response.status).toBe(200);
    expectChatShape(response.body);
    return { body: response.body as ChatResponse, calls: fake.requests.slice(before) };
  }

  it('reports the model as its provider, in answers and in /healthz', async () => {
    fake.answerWith(`第12条要求“${STORAGE_SENTENCE}”〔第12条〕`);
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.provider).toBe(PROVIDER);
    expect(body.answered).toBe(true);
    const health = await request(app).get('/healthz');
    expect(health.body.provider).toBe(PROVIDER);
  });

  it('gives the model the retrieved article text, the rules and the question', async () => {
    fake.answerWith(`“${STORAGE_SENTENCE}”〔第12条〕`);
    const { calls } = await ask(ARTICLE_12_QUESTION);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.body.model).toBe('fake-model');
    expect(call!.body.stream).toBe(true);
    expect(call!.messages[0]!.role).toBe('system');
    expect(call!.systemPrompt).toContain(await textOf(12));
    expect(call!.systemPrompt).toContain(built.index.document.title);
    expect(call!.systemPrompt).toContain('〔第N条〕');
    // Only what was retrieved: article 12 alone, no other article's text.
    expect(call!.systemPrompt).not.toContain(await textOf(13));
    expect(call!.messages.at(-1)!.role).toBe('user');
    expect(call!.lastUserMessage).toContain(ARTICLE_12_QUESTION);
  });

  it('gives the model the instructions of the chosen audience', async () => {
    fake.answerWith(`“${STORAGE_SENTENCE}”〔第12条〕`);
    const citizen = (await ask(ARTICLE_12_QUESTION, { mode: 'citizen' })).calls[0]!;
    expect(citizen.systemPrompt).toContain(renderPrompt('audience-citizen', {}));
    expect(citizen.systemPrompt).not.toContain(renderPrompt('audience-staff', {}));
    const trainer = (await ask(ARTICLE_12_QUESTION, { mode: 'trainer' })).calls[0]!;
    expect(trainer.systemPrompt).toContain(renderPrompt('audience-trainer', {}));
  });

  it('sends every article it offers as related to the model in full', async () => {
    fake.answerWith('这个问题涉及多个方面。');
    const { body, calls } = await ask('孩子上学有什么变化？');
    // With nothing cited, every article the model was given is offered as related.
    expect(body.related.length).toBeGreaterThan(0);
    for (const item of body.related)
      expect(calls[0]!.systemPrompt).toContain(await textOf(item.article));
    // The offline answer to the same question quotes the same articles the model saw.
    const { body: offlineBody } = await request(offline)
      .post('/api/chat')
      .send({ message: '孩子上学有什么变化？' });
    for (const article of citedArticleNumbers(offlineBody as ChatResponse))
      expect(body.related.map((item) => item.article)).toContain(article);
  });

  it('keeps a verbatim quote and returns it as the citation', async () => {
    const answer = `第12条提出：“${STORAGE_SENTENCE}”〔第12条〕`;
    fake.answerWith(answer, 7);
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.answer).toBe(answer);
    expect(body.citations).toContainEqual({
      article: 12,
      title: '优化能源消费结构',
      part: 4,
      partTitle: expect.any(String),
      quote: STORAGE_SENTENCE,
    });
    expect(body.notice).toBeUndefined();
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('maps a quote with width variants (， for ,) back to the document’s verbatim text', async () => {
    const fullWidth = STORAGE_SENTENCE.replace(',', '，');
    expect(fullWidth).not.toBe(STORAGE_SENTENCE);
    fake.answerWith(`第12条提出：“${fullWidth}”〔第12条〕`);
    const { body } = await ask(ARTICLE_12_QUESTION);
    const quotes = body.citations
      .filter((citation) => citation.article === 12)
      .map((citation) => citation.quote);
    expect(quotes).toContain(STORAGE_SENTENCE);
    expect(quotes).not.toContain(fullWidth);
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('removes a marker for an article that was not retrieved, and says so', async () => {
    fake.citeUnretrieved(30, `第12条提出“${STORAGE_SENTENCE}”〔第12条〕。此外还要建设氢能走廊`);
    const { body, calls } = await ask(ARTICLE_12_QUESTION);
    expect(calls[0]!.systemPrompt).not.toContain(await textOf(30));
    expect(body.answer).not.toContain('〔第30条〕');
    expect(body.answer).toContain('〔第12条〕');
    expect(citedArticleNumbers(body)).toEqual([12]);
    expect(body.related.map((item) => item.article)).not.toContain(30);
    expect(body.notice).toContain('已删除对未检索到条文的引用');
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('removes the non-retrieved half of a combined marker and keeps the retrieved one', async () => {
    fake.answerWith(`要“${STORAGE_SENTENCE}”〔第12条、第30条〕`);
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.answer).not.toMatch(/第30条/);
    expect(body.answer).toContain(`“${STORAGE_SENTENCE}”〔第12条〕`);
    expect(body.citations).toContainEqual(
      expect.objectContaining({ article: 12, quote: STORAGE_SENTENCE }),
    );
    expect(body.notice).toContain('已删除对未检索到条文的引用');
  });

  it('does not return a fabricated quote as a citation, and unquotes it in the answer', async () => {
    const fabricated = '乌海将在2026年建成全国最大的氢能基地';
    fake.answerWith(`第12条明确：“${fabricated}”〔第12条〕`);
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.answer).not.toContain(`“${fabricated}”`);
    expect(body.answer).toContain('〔第12条〕');
    for (const citation of body.citations) {
      expect(citation.quote).not.toContain('氢能基地');
      expect(citation.quote).not.toContain('2026');
    }
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('only returns verbatim quotes, whatever mix of real and invented quotes the model writes', async () => {
    fake.answerWith(
      [
        `一是“${STORAGE_SENTENCE}”〔第12条〕`,
        '二是“到2030年新能源装机达到一千万千瓦”〔第12条〕',
        '三是“扩大新能源装机规模”〔第12条〕',
        '四是“全面建成国际一流的储能中心”〔第12条〕',
      ].join('\n'),
    );
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.citations.length).toBeGreaterThan(0);
    await expectVerbatimCitations(offline, body, textOf);
    expect(body.answer).not.toContain('“到2030年新能源装机达到一千万千瓦”');
    expect(body.answer).not.toContain('“全面建成国际一流的储能中心”');
    expect(body.answer).toContain('“扩大新能源装机规模”〔第12条〕');
  });

  it('adds a notice when the model’s answer cites nothing', async () => {
    fake.answerWith('储能方面会有很大发展，请放心。');
    const { body } = await ask(ARTICLE_12_QUESTION);
    expect(body.provider).toBe(PROVIDER);
    expect(body.answer).toBe('储能方面会有很大发展，请放心。');
    expect(body.citations).toEqual([]);
    expect(body.notice).toContain('没有引用任何条文');
  });

  it('works with a base URL without /v1 (POST /chat/completions)', async () => {
    const root = (await createTestApp({ built, modelBaseURL: fake.rootURL })).app;
    fake.answerWith(`“${STORAGE_SENTENCE}”〔第12条〕`);
    const { body, calls } = await ask(ARTICLE_12_QUESTION, { on: root });
    expect(calls[0]!.url).toBe('/chat/completions');
    expect(body.provider).toBe(PROVIDER);
  });

  it('does not ask the model about what the document does not cover', async () => {
    fake.answerWith('红烧羊肉的做法是……〔第12条〕');
    const refusal = await ask('教我做一道红烧羊肉');
    expect(refusal.calls).toHaveLength(0);
    expect(refusal.body.answered).toBe(false);
    expect(refusal.body.provider).toBe('offline');
    expect(refusal.body.answer).toContain('没有涉及');

    const missing = await ask('第40条讲什么？');
    expect(missing.calls).toHaveLength(0);
    expect(missing.body.answered).toBe(false);
  });

  it('rewrites a short follow-up with the model before retrieving, and passes the conversation on', async () => {
    const firstAnswer = (
      await request(offline).post('/api/chat').send({ message: '冬天取暖有什么打算？' })
    ).body as ChatResponse;
    expect(citedArticleNumbers(firstAnswer)).toContain(23);
    const history = [
      { role: 'user', content: '冬天取暖有什么打算？' },
      { role: 'assistant', content: firstAnswer.answer },
    ];
    // The rewrite names article 28 outright, so the articles the answer call receives show which question was searched.
    fake.reply((call): ChatReply =>
      call.lastUserMessage.includes('改写')
        ? { kind: 'text', text: '第28条对养老讲了什么？' }
        : { kind: 'text', text: '关于养老，《建议》有专门部署。' },
    );
    const { body, calls } = await ask('那养老呢？', { history });
    expect(calls).toHaveLength(2);
    const [condense, answer] = calls;
    expect(condense!.lastUserMessage).toContain('冬天取暖有什么打算？');
    expect(condense!.lastUserMessage).toContain('那养老呢？');
    // The answer call is grounded in what the rewritten question retrieves: article 28 and nothing else.
    const given: number[] = [];
    for (const article of built.index.document.articles)
      if (answer!.systemPrompt.includes(await textOf(article.number))) given.push(article.number);
    expect(given).toEqual([28]);
    // It still sees the conversation and the user's own words.
    expect(answer!.messages.map((message) => message.content)).toContain('冬天取暖有什么打算？');
    expect(answer!.lastUserMessage).toContain('那养老呢？');
    expect(body.provider).toBe(PROVIDER);
  });

  describe('falls back to the offline answer when the model fails', () => {
    let slow: Express;
    let offlineAnswer: ChatResponse;

    beforeAll(async () => {
      // A short whole-call limit, for the cases where the model never finishes.
      slow = (await createTestApp({ built, modelBaseURL: fake.baseURL, modelTimeoutMs: 400 })).app;
      offlineAnswer = (
        await request(offline).post('/api/chat').send({ message: ARTICLE_12_QUESTION })
      ).body as ChatResponse;
      expect(offlineAnswer.provider).toBe('offline');
      expect(offlineAnswer.answered).toBe(true);
    });

    const FAILURES: Array<{ name: string; reply: ChatReply; slow?: boolean }> = [
      { name: 'HTTP 500', reply: { kind: 'status', status: 500 } },
      {
        name: 'HTTP 429',
        reply: {
          kind: 'status',
          status: 429,
          message: 'Rate limit reached',
          headers: { 'retry-after': '1' },
        },
      },
      { name: 'HTTP 503', reply: { kind: 'status', status: 503 } },
      { name: 'a chunk that is not JSON', reply: { kind: 'malformed', before: '第12条提出' } },
      {
        name: 'a connection dropped mid-stream',
        reply: { kind: 'drop', text: `第12条提出“${STORAGE_SENTENCE}”〔第12条〕` },
      },
      { name: 'a stream with no content at all', reply: { kind: 'empty' } },
      { name: 'a model that never answers (timeout)', reply: { kind: 'hang' }, slow: true },
      {
        name: 'a stream that stalls midway (timeout)',
        reply: { kind: 'stall', text: '《建议》第12条提出“推动新型储能' },
        slow: true,
      },
    ];

    it.each(FAILURES)(
      '$name → 200, offline-fallback, a notice and the offline answer',
      async ({ reply, slow: useSlow }) => {
        fake.reply(reply);
        const { body, calls } = await ask(ARTICLE_12_QUESTION, { on: useSlow ? slow : app });
        expect(calls.length).toBeGreaterThan(0);
        expect(body.provider).toBe('offline-fallback');
        expect(body.notice).toContain('语言模型暂时不可用');
        const { notice: _notice, provider: _provider, ...answer } = body;
        const { provider: _offlineProvider, ...expected } = offlineAnswer;
        expect(answer).toEqual(expected);
        await expectExtractiveLines(body.answer, textOf);
        await expectVerbatimCitations(offline, body, textOf);
      },
    );

    it('a model that never answers has its request closed once the time limit passes', async () => {
      fake.hang();
      const { body, calls } = await ask(ARTICLE_12_QUESTION, { on: slow });
      expect(body.provider).toBe('offline-fallback');
      expect(await calls[0]!.settled).toBe('aborted');
    });

    it('connection refused → 200, offline-fallback, a notice and the offline answer', async () => {
      const refused = (await createTestApp({ built, modelBaseURL: await closedPortURL() })).app;
      const { body } = await ask(ARTICLE_12_QUESTION, { on: refused });
      expect(body.provider).toBe('offline-fallback');
      expect(body.notice).toContain('语言模型暂时不可用');
      expect(body.answer).toBe(offlineAnswer.answer);
      expect(body.citations).toEqual(offlineAnswer.citations);
      await expectExtractiveLines(body.answer, textOf);
    });

    it('a failed follow-up rewrite does not stop the answer', async () => {
      fake.reply((call): ChatReply =>
        call.lastUserMessage.includes('改写')
          ? { kind: 'status', status: 500 }
          : { kind: 'text', text: `“${STORAGE_SENTENCE}”〔第12条〕` },
      );
      const { body, calls } = await ask('那储能呢？', {
        history: [
          { role: 'user', content: '第12条讲什么？' },
          { role: 'assistant', content: offlineAnswer.answer },
        ],
      });
      expect(calls).toHaveLength(2);
      expect(body.provider).toBe(PROVIDER);
      expect(body.citations).toContainEqual(
        expect.objectContaining({ article: 12, quote: STORAGE_SENTENCE }),
      );
    });
  });
});
