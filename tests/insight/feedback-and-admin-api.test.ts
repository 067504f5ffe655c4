// The question log through the real app, on SQLite and on PostgreSQL: answerIds on every chat answer (JSON and
// SSE), POST /api/feedback, the staff reports under /api/admin with their token, CSV exports, and bad input.
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEEDBACK_COMMENT_CHARS } from '../../core/wire/insight-wire.ts';
import { expectChatShape, expectNoInternals, postChatSse, UUID } from '../helpers/chat-http.ts';
import { ADMIN_TOKEN, InsightStores, STORE_KINDS } from '../helpers/insight-stores.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';

const ANSWERED = '第12条讲什么？';
const REFUSED = '火星移民计划是什么？';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let built: BuiltIndex;
const stores = new InsightStores();

beforeAll(async () => {
  built = await buildPlanIndex();
});
afterAll(async () => {
  await stores.close();
  await built?.cleanup();
});

const admin = (app: Express, path: string) =>
  request(app).get(path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);

async function ask(app: Express, message: string, mode = 'staff'): Promise<string> {
  const response = await request(app).post('/api/chat').send({ message, mode });
  expect(response.status).toBe(200);
  expectChatShape(response.body);
  expect(response.body.answerId).toMatch(UUID);
  return response.body.answerId as string;
}

function vote(app: Express, body: object) {
  return request(app).post('/api/feedback').send(body);
}

describe.each(STORE_KINDS)('question log and feedback over the API, on %s', (kind) => {
  let app: Express;

  beforeAll(async () => {
    const { insight } = await stores.open(kind);
    app = (await createTestApp({ built, insight })).app;
  });

  it('gives every chat answer the answerId it is logged under, in JSON and in the SSE done event', async () => {
    const jsonId = await ask(app, ANSWERED);
    const sse = await postChatSse(app, { message: REFUSED, mode: 'citizen' });
    const done = sse.frames.at(-1)!;
    expect(done.event).toBe('done');
    expectChatShape(done.data);
    const sseId = done.data.answerId;
    expect(sseId).toMatch(UUID);
    expect(sseId).not.toBe(jsonId);

    const summary = await admin(app, '/api/admin/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.totals).toEqual({ questions: 2, answered: 1 });
    expect(summary.body.byMode.citizen).toEqual({ questions: 1, answered: 0 });
    expect(summary.body.topArticles[0]).toMatchObject({ article: 12, questions: 1 });
    const unanswered = await admin(app, '/api/admin/unanswered');
    expect(unanswered.body.items).toEqual([
      expect.objectContaining({ question: REFUSED, count: 1, mode: 'citizen' }),
    ]);
  });

  it('records 有帮助 / 没帮助 once per answer: a second vote replaces the first', async () => {
    const answerId = await ask(app, '看病方面有什么新变化？', 'citizen');
    const up = await vote(app, { answerId, rating: 'up' });
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ answerId, rating: 'up', comment: null });
    const down = await vote(app, { answerId, rating: 'down', comment: '  没有说到医保报销  ' });
    expect(down.status).toBe(200);
    expect(down.body.comment).toBe('没有说到医保报销');

    const listed = await admin(app, '/api/admin/feedback');
    const mine = (listed.body.items as Array<{ answerId: string }>).filter(
      (item) => item.answerId === answerId,
    );
    expect(mine).toEqual([
      expect.objectContaining({
        question: '看病方面有什么新变化？',
        mode: 'citizen',
        answered: true,
        rating: 'down',
        comment: '没有说到医保报销',
      }),
    ]);
    const onlyUp = await admin(app, '/api/admin/feedback?rating=up');
    expect(onlyUp.body.items.map((item: { answerId: string }) => item.answerId)).not.toContain(
      answerId,
    );
  });

  it('answers bad feedback with a JSON error and writes nothing', async () => {
    const answerId = await ask(app, '第13条讲什么？');
    const before = (await admin(app, '/api/admin/feedback')).body.items.length as number;
    const cases: Array<{ body: unknown; status: number; code: string; raw?: boolean }> = [
      { body: { answerId: UNKNOWN_ID, rating: 'up' }, status: 404, code: 'not_found' },
      { body: { answerId: 'abc', rating: 'up' }, status: 400, code: 'invalid_request' },
      { body: { answerId, rating: 'meh' }, status: 400, code: 'invalid_request' },
      { body: { answerId, rating: 1 }, status: 400, code: 'invalid_request' },
      { body: { answerId }, status: 400, code: 'invalid_request' },
      {
        body: { answerId, rating: 'down', comment: '长'.repeat(MAX_FEEDBACK_COMMENT_CHARS + 1) },
        status: 400,
        code: 'invalid_request',
      },
      { body: { answerId, rating: 'down', comment: 42 }, status: 400, code: 'invalid_request' },
      { body: { answerId, rating: 'up', extra: true }, status: 400, code: 'invalid_request' },
      { body: [answerId], status: 400, code: 'invalid_request' },
    ];
    for (const testCase of cases) {
      const response = await vote(app, testCase.body as object);
      expect(response.status, JSON.stringify(testCase.body).slice(0, 80)).toBe(testCase.status);
      expect(response.body.error.code).toBe(testCase.code);
      expectNoInternals(response.text);
    }
    const form = await request(app).post('/api/feedback').type('form').send({ answerId });
    expect(form.status).toBe(415);
    const broken = await request(app)
      .post('/api/feedback')
      .set('Content-Type', 'application/json')
      .send('{"answerId": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect((await admin(app, '/api/admin/feedback')).body.items).toHaveLength(before);

    const longest = '长'.repeat(MAX_FEEDBACK_COMMENT_CHARS);
    expect((await vote(app, { answerId, rating: 'down', comment: longest })).status).toBe(200);
  });

  it('exports each list as CSV, with nothing a spreadsheet would run as a formula', async () => {
    const formula = '=HYPERLINK("http://example.com","点这里")';
    const answerId = await ask(app, formula);
    await vote(app, { answerId, rating: 'down', comment: '+SUM(A1:A9)' });

    const unanswered = await admin(app, '/api/admin/unanswered?format=csv');
    expect(unanswered.status).toBe(200);
    expect(unanswered.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(unanswered.headers['content-disposition']).toMatch(
      /^attachment; filename="?unanswered.csv"?$/,
    );
    const lines = unanswered.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFquestion,count,keywords,variants,mode,last_asked_at');
    expect(unanswered.text).toContain(`"'=HYPERLINK(""http://example.com"",""点这里"")"`);

    const feedback = await admin(app, '/api/admin/feedback?format=csv&rating=down');
    expect(feedback.text.split('\r\n')[0]).toBe(
      '\uFEFFrated_at,rating,question,comment,mode,answered,answer_id',
    );
    expect(feedback.text).toContain(`'+SUM(A1:A9)`);
    expect(feedback.text).not.toMatch(/,\+SUM/);

    const days = await admin(app, '/api/admin/summary?format=csv');
    expect(days.text.split('\r\n')[0]).toBe('\uFEFFdate,mode,questions,answered,answered_share');
    const articles = await admin(app, '/api/admin/summary?format=csv&table=articles');
    expect(articles.text.split('\r\n')[0]).toBe('\uFEFFarticle,title,questions');
    expect(articles.text).toMatch(/\r\n12,/);
  });

  it('keeps no history, address or user agent: only the question and what became of it', async () => {
    const marker = '历史里的私人内容XYZ';
    const response = await request(app)
      .post('/api/chat')
      .set('User-Agent', 'AgentMarker/1.0')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({
        message: '那第二个呢？',
        history: [
          { role: 'user', content: `${marker} 第12条讲什么？` },
          { role: 'assistant', content: `${marker} 回答` },
        ],
      });
    expect(response.status).toBe(200);
    const exported = [
      (await admin(app, '/api/admin/unanswered?format=csv&limit=1000')).text,
      (await admin(app, '/api/admin/feedback?format=csv&limit=1000')).text,
      JSON.stringify((await admin(app, '/api/admin/summary')).body),
    ].join('\n');
    for (const secret of [marker, 'AgentMarker', '203.0.113.77'])
      expect(exported).not.toContain(secret);
  });
});

describe('the staff API and its token', () => {
  it('refuses a missing or wrong token with 401 JSON, and a guesser with 429 after 20 failures', async () => {
    const { insight } = await stores.open('sqlite');
    const { app } = await createTestApp({ built, insight });
    const missing = await request(app).get('/api/admin/summary');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const header of [
      `Bearer ${ADMIN_TOKEN}x`,
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      ADMIN_TOKEN,
      'Basic abc',
    ]) {
      const wrong = await request(app).get('/api/admin/unanswered').set('Authorization', header);
      expect(wrong.status, header).toBe(401);
      expect(wrong.body.error.code).toBe('unauthorized');
    }
    // The right token works, and does not count as a failure.
    expect((await admin(app, '/api/admin/feedback')).status).toBe(200);
    let status = 0;
    for (let attempt = 5; attempt <= 21; attempt += 1)
      status = (await request(app).get('/api/admin/summary').set('Authorization', 'Bearer guess'))
        .status;
    expect(status).toBe(429);
    const blocked = await admin(app, '/api/admin/summary');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
  });

  it('rejects report parameters it cannot read with 400 JSON, and counts at most the retention period', async () => {
    const { insight } = await stores.open('sqlite', { LOG_RETENTION_DAYS: '90' });
    const { app } = await createTestApp({ built, insight });
    for (const query of ['days=0', 'days=1.5', 'days=abc', 'format=xml', 'tz=9999', 'limit=0']) {
      const response = await admin(app, `/api/admin/summary?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    expect((await admin(app, '/api/admin/feedback?rating=meh')).status).toBe(400);
    expect((await admin(app, '/api/admin/summary?format=csv&table=x')).status).toBe(400);
    const beyond = await admin(app, '/api/admin/summary?days=365');
    expect(beyond.status).toBe(200);
    expect(beyond.body.days).toBe(90);
  });
});
