import { request as httpRequest } from 'node:http';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ChatService, type ChatRequest } from '../../server/chat/chat-service.ts';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import type { AnalyzedText } from '../../server/query/question-analysis.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import type { RetrievalResult, SearchOptions } from '../../server/retrieval/retrieval-types.ts';
import {
  deltaText,
  expectChatShape,
  expectNoInternals,
  listen,
  postChatSse,
  type SseFrame,
} from '../helpers/chat-http.ts';
import { startFakeChatServer, type FakeChatServer } from '../helpers/fake-chat-server.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';

/** An internal failure whose message holds what must never reach a client: a server path and a stack-like location. */
const INTERNAL_MESSAGE =
  'vector shard unreadable: /work/main/.index/vectors.bin (at readShard (/work/main/server/retrieval/x.ts:12:7))';

/** The real retriever, except that every search fails. */
class FailingRetriever extends HybridRetriever {
  override async retrieve(_text: AnalyzedText, _options?: SearchOptions): Promise<RetrievalResult> {
    throw new Error(INTERNAL_MESSAGE);
  }
}

/** The real chat service, except that it fails after the first piece of its answer went out. */
class FailsAfterFirstDelta extends ChatService {
  override async respond(
    chatRequest: ChatRequest,
    options: Parameters<ChatService['respond']>[1] = {},
  ): Promise<ChatResponse> {
    let sent = 0;
    await super.respond(chatRequest, {
      ...options,
      onDelta: (text) => {
        sent += 1;
        if (sent === 1) options.onDelta?.(text);
      },
    });
    throw new Error(INTERNAL_MESSAGE);
  }
}

/** Only delta frames, then exactly one done frame last; at least one delta unless `deltas: 'optional'`. */
function expectWellFormedStream(
  frames: SseFrame[],
  options: { deltas?: 'required' | 'optional' } = {},
): { deltas: SseFrame[]; done: ChatResponse } {
  for (const frame of frames) expect(['delta', 'done']).toContain(frame.event);
  const deltas = frames.filter((frame) => frame.event === 'delta');
  if (options.deltas !== 'optional') expect(deltas.length).toBeGreaterThan(0);
  for (const delta of deltas) {
    expect(Object.keys(delta.data as object)).toEqual(['text']);
    expect(typeof (delta.data as { text: unknown }).text).toBe('string');
  }
  expect(frames.filter((frame) => frame.event === 'done')).toHaveLength(1);
  const last = frames.at(-1)!;
  expect(last.event).toBe('done');
  expectChatShape(last.data);
  return { deltas, done: last.data };
}

describe('POST /api/chat with Accept: text/event-stream', () => {
  let built: BuiltIndex;
  let app: Express;
  let fake: FakeChatServer;

  beforeAll(async () => {
    built = await buildPlanIndex();
    app = (await createTestApp({ built })).app;
    fake = await startFakeChatServer();
  });

  afterAll(async () => {
    await fake?.close();
    await built?.cleanup();
  });

  /** The real app around a given chat service. */
  function appWith(chat: ChatService): Express {
    return createApp({
      retriever: new HybridRetriever(built.index, built.embedder),
      document: built.index.document,
      manifest: built.index.manifest,
      chat,
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 0,
      corsOrigins: [],
    });
  }

  describe('offline', () => {
    it('sends text/event-stream with no-cache headers, and frames of `event:` plus one JSON `data:` line', async () => {
      const { status, headers, text } = await postChatSse(app, {
        message: '冬天取暖有什么打算？',
        mode: 'citizen',
      });
      expect(status).toBe(200);
      expect(headers['content-type']).toMatch(/^text\/event-stream/);
      expect(headers['cache-control']).toContain('no-cache');
      expect(text.endsWith('\n\n')).toBe(true);
      for (const block of text.split('\n\n').filter(Boolean)) {
        expect(block).toMatch(/^event: (delta|done)\ndata: \{.*\}$/);
      }
    });

    const REQUESTS = [
      { message: '黄河乌海段水质要稳定在什么类别？', mode: 'staff' },
      { message: '冬天取暖有什么打算？', mode: 'citizen' },
      { message: '冬天取暖有什么打算？', mode: 'trainer' },
      { message: '第八部分讲了哪些内容' },
      { message: '教我做一道红烧羊肉' },
      { message: '第40条' },
      {
        message: '那第二条呢？',
        history: [
          { role: 'user', content: '民生部分第一条讲什么？' },
          { role: 'assistant', content: '……〔第25条〕' },
        ],
      },
    ];

    it.each(REQUESTS)(
      'deltas add up to done.answer, and done equals the JSON answer: $message ($mode)',
      async (body) => {
        const { frames } = await postChatSse(app, body);
        const { done } = expectWellFormedStream(frames);
        expect(deltaText(frames)).toBe(done.answer);
        const json = await request(app).post('/api/chat').send(body);
        expect(json.status).toBe(200);
        expect(done).toEqual(json.body);
      },
    );

    it('streams a multi-line answer in several deltas', async () => {
      const { frames } = await postChatSse(app, { message: '第八部分讲了哪些内容' });
      const { deltas, done } = expectWellFormedStream(frames);
      expect(done.answer.split('\n').length).toBeGreaterThan(1);
      expect(deltas.length).toBeGreaterThan(1);
    });

    it('answers SSE when text/event-stream is one of several accepted types, JSON otherwise', async () => {
      const both = await request(app)
        .post('/api/chat')
        .set('Accept', 'application/json, text/event-stream;q=0.9')
        .send({ message: '第12条讲什么' });
      expect(both.headers['content-type']).toMatch(/^text\/event-stream/);
      const json = await request(app)
        .post('/api/chat')
        .set('Accept', 'application/json')
        .send({ message: '第12条讲什么' });
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expectChatShape(json.body);
    });

    it('rejects an invalid request with a JSON 400 before any stream starts', async () => {
      const response = await request(app)
        .post('/api/chat')
        .set('Accept', 'text/event-stream')
        .send({ message: '' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.error.code).toBe('invalid_request');
    });
  });

  describe('with a language model', () => {
    it('relays the model’s text as deltas and ends with the checked answer', async () => {
      const answer =
        '第12条提出：“推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。”〔第12条〕';
      fake.answerWith(answer, 6);
      const modelApp = (await createTestApp({ built, modelBaseURL: fake.baseURL })).app;
      const { frames } = await postChatSse(modelApp, { message: '第12条讲什么？' });
      const { deltas, done } = expectWellFormedStream(frames);
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltaText(frames)).toBe(answer);
      expect(done.answer).toBe(answer);
      expect(done.provider).toBe('openai-compatible:fake-model');
      expect(done.citations).toContainEqual(
        expect.objectContaining({
          article: 12,
          quote: '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。',
        }),
      );
    });

    it('the done answer has non-retrieved markers removed', async () => {
      fake.citeUnretrieved(
        30,
        '第12条提出“推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。”〔第12条〕，还要建设氢能走廊',
      );
      const modelApp = (await createTestApp({ built, modelBaseURL: fake.baseURL })).app;
      const { frames } = await postChatSse(modelApp, { message: '第12条讲什么？' });
      const { done } = expectWellFormedStream(frames);
      expect(done.answer).not.toContain('〔第30条〕');
      expect(done.notice).toContain('已删除');
    });

    it('a model failure ends the stream with the offline answer (done, not error)', async () => {
      fake.failWith(500);
      const modelApp = (await createTestApp({ built, modelBaseURL: fake.baseURL })).app;
      const { frames } = await postChatSse(modelApp, { message: '第12条讲什么？' });
      expect(frames.some((frame) => frame.event === 'error')).toBe(false);
      // The fallback answer arrives whole in the done event (deltas are only relayed from the model).
      const { done } = expectWellFormedStream(frames, { deltas: 'optional' });
      expect(done.provider).toBe('offline-fallback');
      expect(done.notice).toContain('语言模型暂时不可用');
      const offline = await request(app).post('/api/chat').send({ message: '第12条讲什么？' });
      expect(done.answer).toBe(offline.body.answer);
    });
  });

  describe('failures after the headers went out', () => {
    it('a failure after the first delta ends the stream with an error event and no done', async () => {
      const failing = appWith(
        new FailsAfterFirstDelta({
          retriever: new HybridRetriever(built.index, built.embedder),
          document: built.index.document,
          chatModel: null,
        }),
      );
      const { status, headers, text, frames } = await postChatSse(failing, {
        message: '第八部分讲了哪些内容',
      });
      expect(status).toBe(200);
      expect(headers['content-type']).toMatch(/^text\/event-stream/);
      expect(frames.map((frame) => frame.event)).toEqual(['delta', 'error']);
      expect((frames[0]!.data as { text: string }).text.length).toBeGreaterThan(0);
      expect(frames[1]!.data).toEqual({
        error: { code: 'internal_error', message: expect.any(String) },
      });
      expectNoInternals(text);
      expect(text).not.toContain('vectors.bin');
    });

    it('a retriever that throws gives an error event over SSE and a 500 JSON error otherwise, neither leaking internals', async () => {
      const failing = appWith(
        new ChatService({
          retriever: new FailingRetriever(built.index, built.embedder),
          document: built.index.document,
          chatModel: null,
        }),
      );
      const sse = await postChatSse(failing, { message: '冬天取暖有什么打算？' });
      expect(sse.status).toBe(200);
      expect(sse.frames.map((frame) => frame.event)).toEqual(['error']);
      expect((sse.frames[0]!.data as { error: { code: string } }).error.code).toBe(
        'internal_error',
      );
      expectNoInternals(sse.text);
      expect(sse.text).not.toContain('vectors.bin');

      const json = await request(failing)
        .post('/api/chat')
        .send({ message: '冬天取暖有什么打算？' });
      expect(json.status).toBe(500);
      expect(json.body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
      expectNoInternals(json.text);
      expect(json.text).not.toContain('vectors.bin');
    });
  });

  describe('a client that disconnects', () => {
    /** Sends a chat request over a real socket and destroys it once the model has been called. */
    async function disconnectDuringModelCall(
      accept: string,
    ): Promise<'finished' | 'aborted' | 'dropped'> {
      fake.hang();
      // A long model time limit: if the upstream call ends, it is because the client left, not because it timed out.
      const modelApp = (
        await createTestApp({ built, modelBaseURL: fake.baseURL, modelTimeoutMs: 60_000 })
      ).app;
      const server = await listen(modelApp);
      try {
        const before = fake.requests.length;
        const body = JSON.stringify({ message: '第12条讲什么？' });
        const outgoing = httpRequest({
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/chat',
          headers: {
            'content-type': 'application/json',
            accept,
            'content-length': Buffer.byteLength(body),
          },
        });
        outgoing.on('error', () => {});
        outgoing.end(body);
        const upstream = await fake.waitForRequest(before + 1);
        expect(upstream.aborted).toBe(false);
        outgoing.destroy();
        const outcome = await upstream.settled;

        // The app is still well and answers the next request.
        fake.answerWith('“推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。”〔第12条〕');
        const next = await request(server.origin)
          .post('/api/chat')
          .send({ message: '第12条讲什么？' });
        expect(next.status).toBe(200);
        expect(next.body.provider).toBe('openai-compatible:fake-model');
        return outcome;
      } finally {
        await server.close();
      }
    }

    it('aborts the upstream model call (SSE)', async () => {
      expect(await disconnectDuringModelCall('text/event-stream')).toBe('aborted');
    });

    it('aborts the upstream model call (JSON)', async () => {
      expect(await disconnectDuringModelCall('application/json')).toBe('aborted');
    });
  });
});
