import path from 'node:path';
import { AIMessageChunk } from '@langchain/core/messages';
import { FakeListChatModel, FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { ChatOpenAI } from '@langchain/openai';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { createApp } from '../../server/library/create-app.ts';
import {
  articleTexts,
  deltaText,
  expectChatShape,
  expectVerbatimCitations,
  postChatSse,
} from '../helpers/chat-http.ts';
import { expectExtractiveLines } from '../helpers/extractive-lines.ts';
import { startFakeChatServer, type FakeChatServer } from '../helpers/fake-chat-server.ts';
import { makeTempDir } from '../helpers/plan-index.ts';

/** A sentence of article 12 exactly as the document has it. */
const STORAGE_SENTENCE = '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。';
const QUESTION = '第12条讲什么？';
const logger = pino({ level: 'silent' });

async function ask(app: Express, message = QUESTION): Promise<ChatResponse> {
  const response = await request(app).post('/api/chat').send({ message });
  expect(response.status).toBe(200);
  expectChatShape(response.body);
  return response.body;
}

describe('createApp({ chatModel }): the whole application with any LangChain chat model', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let env: Record<string, string>;
  let offline: Express;
  let offlineAnswer: ChatResponse;
  let textOf: (article: number) => Promise<string>;
  let fake: FakeChatServer;

  beforeAll(async () => {
    temp = await makeTempDir('plan-app-');
    env = {
      INDEX_DIR: path.join(temp.dir, 'index'),
      DATA_DIR: path.join(temp.dir, 'data'),
      RATE_LIMIT_PER_MINUTE: '0',
    };
    offline = await createApp({ env, logger });
    offlineAnswer = await ask(offline);
    textOf = articleTexts(offline);
    fake = await startFakeChatServer();
  });

  afterAll(async () => {
    await fake?.close();
    await temp?.cleanup();
  });

  it('without a model: the offline application npm start serves', async () => {
    expect((await request(offline).get('/healthz')).body.provider).toBe('offline');
    expect(offlineAnswer.provider).toBe('offline');
    expect(offlineAnswer.citations.map((citation) => citation.article)).toContain(12);
    expect((await request(offline).get('/api/articles/12')).status).toBe(200);
  });

  it('answers with a FakeListChatModel, and reports it as the provider', async () => {
    const answer = `第12条提出：“${STORAGE_SENTENCE}”〔第12条〕`;
    const app = await createApp({
      env,
      logger,
      chatModel: new FakeListChatModel({ responses: [answer] }),
    });
    const body = await ask(app);
    expect(body.provider).toBe('fake-list');
    expect(body.answer).toBe(answer);
    expect(body.citations).toContainEqual(
      expect.objectContaining({ article: 12, quote: STORAGE_SENTENCE }),
    );
    expect(body.notice).toBeUndefined();
    expect((await request(app).get('/healthz')).body.provider).toBe('fake-list');
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('checks that model’s answer like any other: invented quotes unquoted, unretrieved articles removed', async () => {
    const invented = '乌海将在2026年建成全国最大的氢能基地';
    const app = await createApp({
      env,
      logger,
      chatModel: new FakeListChatModel({
        responses: [`第12条明确：“${invented}”〔第12条〕，另见〔第30条〕。`],
      }),
    });
    const body = await ask(app);
    expect(body.answer).not.toContain(`“${invented}”`);
    expect(body.answer).not.toContain('〔第30条〕');
    expect(body.notice).toContain('已删除对未检索到条文的引用');
    for (const citation of body.citations) expect(citation.quote).not.toContain('氢能基地');
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('relays a FakeStreamingChatModel’s chunks as SSE deltas, then the checked answer', async () => {
    const pieces = ['第12条提出：', `“${STORAGE_SENTENCE}”`, '〔第12条〕'];
    const app = await createApp({
      env,
      logger,
      chatModel: new FakeStreamingChatModel({
        sleep: 0,
        chunks: pieces.map((content) => new AIMessageChunk({ content })),
      }),
    });
    const { frames } = await postChatSse(app, { message: QUESTION });
    expect(frames.filter((frame) => frame.event === 'delta')).toHaveLength(pieces.length);
    expect(deltaText(frames)).toBe(pieces.join(''));
    const done = frames.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({ provider: 'fake', answer: pieces.join('') });
  });

  it('a model reply that says the plan does not cover the question is a refusal (answered: false)', async () => {
    const reply = `《建议》中没有涉及储能电站的具体选址。最接近的是：“${STORAGE_SENTENCE}”〔第12条〕`;
    const app = await createApp({
      env,
      logger,
      chatModel: new FakeListChatModel({ responses: [reply] }),
    });
    const body = await ask(app, '储能电站建在哪个位置？');
    expect(body.answered).toBe(false);
    expect(body.answer).toBe(reply);
    await expectVerbatimCitations(offline, body, textOf);
  });

  it('the system prompt asks for the very phrase a declining reply is recognised by', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadAnswerPolicy } = await import('../../server/policy/load-answer-policy.ts');
    const phrase = loadAnswerPolicy().templates.fill('refusal.modelDeclines');
    expect(readFileSync(path.join(process.cwd(), 'prompts', 'system.md'), 'utf8')).toContain(
      `“${phrase}`,
    );
  });

  it('a request outside the plan is refused before any model is called', async () => {
    const model = new FakeListChatModel({ responses: ['不该被调用'] });
    const app = await createApp({ env, logger, chatModel: model });
    const body = await ask(app, '明天乌海会下雨吗？');
    expect(body.answered).toBe(false);
    expect(body.answer).not.toContain('不该被调用');
    expect(body.provider).toBe('offline');
  });

  it('a model that throws → the offline answer, with a notice', async () => {
    const app = await createApp({
      env,
      logger,
      chatModel: new FakeStreamingChatModel({ thrownErrorString: 'provider unavailable' }),
    });
    const body = await ask(app);
    expect(body.provider).toBe('offline-fallback');
    expect(body.notice).toContain('语言模型暂时不可用');
    expect(body.answer).toBe(offlineAnswer.answer);
    expect(body.citations).toEqual(offlineAnswer.citations);
    await expectExtractiveLines(body.answer, textOf);
  });

  it('a model slower than LLM_TIMEOUT_MS → the offline answer, with a notice', async () => {
    const app = await createApp({
      env: { ...env, LLM_TIMEOUT_MS: '300' },
      logger,
      chatModel: new FakeListChatModel({
        responses: ['《建议》第12条提出了很多举措。'],
        sleep: 100,
      }),
    });
    const body = await ask(app);
    expect(body.provider).toBe('offline-fallback');
    expect(body.notice).toContain('语言模型暂时不可用');
    expect(body.answer).toBe(offlineAnswer.answer);
  });

  it('a ChatOpenAI of one’s own, pointed at an OpenAI-compatible server', async () => {
    const chatModel = new ChatOpenAI({
      model: 'my-model',
      apiKey: 'sk-mine',
      configuration: { baseURL: fake.baseURL },
      maxRetries: 0,
    });
    fake.answerWith(`“${STORAGE_SENTENCE}”〔第12条〕`);
    const before = fake.requests.length;
    const body = await ask(await createApp({ env, logger, chatModel }));
    expect(body.provider).toBe('openai-compatible:my-model');
    const [call] = fake.requests.slice(before);
    expect(call!.body.model).toBe('my-model');
    expect(call!.headers.authorization).toBe('Bearer sk-mine');
    expect(call!.systemPrompt).toContain(await textOf(12));
  });

  it('without chatModel, the model configured by OPENAI_BASE_URL and CHAT_MODEL (ChatOpenAI)', async () => {
    const app = await createApp({
      env: { ...env, OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: 'env-model' },
      logger,
    });
    fake.answerWith(`“${STORAGE_SENTENCE}”〔第12条〕`);
    expect((await ask(app)).provider).toBe('openai-compatible:env-model');
    fake.failWith(429, 'Rate limit reached');
    const limited = await ask(app);
    expect(limited.provider).toBe('offline-fallback');
    expect(limited.answer).toBe(offlineAnswer.answer);
  });

  it('a chatModel given outright wins over the configured one', async () => {
    const before = fake.requests.length;
    const app = await createApp({
      env: { ...env, OPENAI_BASE_URL: fake.baseURL },
      logger,
      chatModel: new FakeListChatModel({ responses: [`“${STORAGE_SENTENCE}”〔第12条〕`] }),
    });
    expect((await ask(app)).provider).toBe('fake-list');
    expect(fake.requests.length).toBe(before);
  });
});
