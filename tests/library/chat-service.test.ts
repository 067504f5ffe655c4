import path from 'node:path';
import { Runnable, RunnableSequence } from '@langchain/core/runnables';
import { RunCollectorCallbackHandler } from '@langchain/core/tracers/run_collector';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { createApp } from '../../server/library/create-app.ts';
import { createChatService } from '../../server/library/plan-chat.ts';
import { makeTempDir } from '../helpers/plan-index.ts';
import { realPlan } from '../helpers/unit-plan.ts';

const STORAGE_SENTENCE = '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。';
const logger = pino({ level: 'silent' });

/** What a traced run says about itself and the runs it started. */
interface TracedRun {
  name: string;
  run_type: string;
  inputs: unknown;
  child_runs?: TracedRun[];
}

describe('createChatService: the chat service as a LangChain Runnable', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let env: Record<string, string>;
  let app: Express;

  beforeAll(async () => {
    temp = await makeTempDir('plan-chat-');
    env = { INDEX_DIR: path.join(temp.dir, 'index'), RATE_LIMIT_PER_MINUTE: '0' };
    // With the question log on, an HTTP answer also carries the answerId the log gave it; the service logs nothing.
    app = await createApp({ env: { ...env, QUESTION_LOG: 'off' }, logger });
  });

  afterAll(async () => {
    await temp?.cleanup();
  });

  it('a question in, the same JSON as POST /api/chat out', async () => {
    const service = createChatService({ env });
    expect(service).toBeInstanceOf(Runnable);
    const history = [
      { role: 'user' as const, content: '冬天取暖有什么打算？' },
      { role: 'assistant' as const, content: '《建议》第23条提出……〔第23条〕' },
    ];
    const inputs = [
      { message: '冬天取暖有什么打算？' },
      { message: '看病有什么新变化', mode: 'citizen' as const },
      { message: '第八部分讲了哪些内容', mode: 'trainer' as const },
      { message: '那养老呢？', history },
      { message: '教我做一道红烧羊肉' },
    ];
    for (const input of inputs) {
      const overHttp = (await request(app).post('/api/chat').send(input)).body as ChatResponse;
      expect(await service.invoke(input)).toEqual(overHttp);
    }
    expect(await service.invoke('冬天取暖有什么打算？')).toEqual(
      (await request(app).post('/api/chat').send({ message: '冬天取暖有什么打算？' })).body,
    );
    expect(await service.provider()).toBe('offline');
  });

  it('refuses what /api/chat refuses, with the same message', async () => {
    const service = createChatService({ env });
    for (const input of [{ message: '   ' }, { message: '就业', mode: 'boss' }, { message: 42 }]) {
      const overHttp = await request(app).post('/api/chat').send(input);
      expect(overHttp.status).toBe(400);
      await expect(service.invoke(input as never)).rejects.toMatchObject({
        code: 'invalid_request',
        message: overHttp.body.error.message,
      });
    }
  });

  it('answers with an injected LangChain chat model, its answer checked', async () => {
    const answer = `第12条提出：“${STORAGE_SENTENCE}”〔第12条〕`;
    const service = createChatService({
      env,
      chatModel: new FakeListChatModel({ responses: [answer] }),
    });
    const body = await service.invoke('第12条讲什么？');
    expect(body.provider).toBe('fake-list');
    expect(body.answer).toBe(answer);
    expect(body.citations).toContainEqual(
      expect.objectContaining({ article: 12, quote: STORAGE_SENTENCE }),
    );
  });

  it('works inside a RunnableSequence of one’s own', async () => {
    const chain = RunnableSequence.from([
      (question: string) => ({ message: question, mode: 'citizen' as const }),
      createChatService({ env }),
      (response: ChatResponse) => response.citations.map((citation) => citation.article),
    ]);
    expect(await chain.invoke('冬天取暖有什么打算？')).toContain(23);
  });

  it('its model call is a child run of the chat run, seen by LangChain callbacks', async () => {
    const collector = new RunCollectorCallbackHandler();
    const service = createChatService({
      env,
      chatModel: new FakeListChatModel({ responses: [`“${STORAGE_SENTENCE}”〔第12条〕`] }),
    });
    await service.invoke('第12条讲什么？', { callbacks: [collector] });
    expect(collector.tracedRuns.map((run) => run.name)).toEqual(['PlanChat']);
    const descendants = (run: TracedRun): TracedRun[] =>
      (run.child_runs ?? []).flatMap((child) => [child, ...descendants(child)]);
    const modelRuns = descendants(collector.tracedRuns[0]!).filter((run) => run.run_type === 'llm');
    expect(modelRuns).toHaveLength(1);
    // The model saw the retrieved article and the question.
    const prompt = JSON.stringify(modelRuns[0]!.inputs);
    expect(prompt).toContain(articleByNumber(realPlan(), 12)!.text.slice(0, 40));
    expect(prompt).toContain('第12条讲什么？');
    expect(collector.tracedRuns[0]!.outputs).toMatchObject({ provider: 'fake-list' });
  });

  it('a signal in the call’s config cancels it', async () => {
    const service = createChatService({
      env,
      chatModel: new FakeListChatModel({
        responses: ['《建议》第12条提出了很多举措。'],
        sleep: 200,
      }),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('the user left')), 300);
    await expect(service.invoke('第12条讲什么？', { signal: controller.signal })).rejects.toThrow();
  });
});
