// The chat never pays for the question log: with the log off, without an admin token, with the SQLite file
// locked by another process, or with PostgreSQL down, chat answers as before; feedback says 503 (JSON) when its
// vote cannot be committed, and the log warns once, not once per question.
import Database from 'better-sqlite3';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Insight } from '../../server/insight/insight.ts';
import { openInsight } from '../../server/insight/open-insight.ts';
import { capturedLogger, WARN, type LogLine } from '../helpers/captured-logger.ts';
import { expectChatShape, UUID } from '../helpers/chat-http.ts';
import { ADMIN_TOKEN, InsightStores } from '../helpers/insight-stores.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { freePort } from '../helpers/postgres-server.ts';
import { createTestApp } from '../helpers/test-app.ts';

let built: BuiltIndex;
const stores = new InsightStores();

beforeAll(async () => {
  built = await buildPlanIndex();
});
afterAll(async () => {
  await stores.close();
  await built?.cleanup();
});

const QUESTIONS = [
  '第12条讲什么？',
  '看病方面有什么新变化？',
  '火星移民计划是什么？',
  '第3条讲什么？',
];
const admin = (app: Express, path: string) =>
  request(app).get(path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);

const droppedWarnings = (lines: LogLine[]) =>
  lines.filter((line) => line.level === WARN && line.msg.includes('questions dropped'));

/** Chat still answers every question, each with an answerId; the log's queue is pushed to the store after each. */
async function chatAnswersThroughout(app: Express, insight: Insight): Promise<string[]> {
  const ids: string[] = [];
  for (const message of QUESTIONS) {
    const response = await request(app).post('/api/chat').send({ message });
    expect(response.status, message).toBe(200);
    expectChatShape(response.body);
    ids.push(response.body.answerId as string);
    await insight.log.flush();
  }
  for (const id of ids) expect(id).toMatch(UUID);
  return ids;
}

describe('when the question log cannot help', () => {
  it('QUESTION_LOG=off: no database, no answerId, no feedback, no /admin, and the log says so', async () => {
    const { logger, lines } = capturedLogger();
    const env = { ...(await stores.env('sqlite')), QUESTION_LOG: 'off', ADMIN_TOKEN };
    const insight = await openInsight(loadConfig(env).insight, logger);
    expect(insight).toBeNull();
    const { app } = await createTestApp({ built, insight, logger });
    const chat = await request(app).post('/api/chat').send({ message: QUESTIONS[0] });
    expect(chat.status).toBe(200);
    expectChatShape(chat.body);
    expect(chat.body).not.toHaveProperty('answerId');
    const feedback = await request(app)
      .post('/api/feedback')
      .send({ answerId: '00000000-0000-4000-8000-000000000000', rating: 'up' });
    expect(feedback.status).toBe(404);
    expect(feedback.body.error.code).toBe('not_found');
    for (const path of ['/admin', '/api/admin/summary']) {
      const response = await admin(app, path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect(lines.map((line) => line.msg)).toContain(
      'QUESTION_LOG=off: no question log, no feedback, no /admin',
    );
  });

  it('without ADMIN_TOKEN: /admin and /api/admin answer 404 and the log says why; feedback still works', async () => {
    const { logger, lines } = capturedLogger();
    const { insight } = await stores.open('sqlite', { ADMIN_TOKEN: '' });
    const { app } = await createTestApp({ built, insight, logger });
    for (const path of [
      '/admin',
      '/admin/',
      '/api/admin/summary',
      '/api/admin/feedback?format=csv',
    ]) {
      const response = await admin(app, path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect(lines.map((line) => line.msg)).toContain(
      'ADMIN_TOKEN is not set: /admin and /api/admin are off',
    );
    const [answerId] = await chatAnswersThroughout(app, insight);
    expect((await request(app).post('/api/feedback').send({ answerId, rating: 'up' })).status).toBe(
      200,
    );
  });

  it('SQLite locked by another process: chat answers, feedback gets 503, one warning; unlocked, it all works again', async () => {
    const { logger, lines } = capturedLogger();
    const { insight, env } = await stores.open('sqlite', {}, logger);
    const { app } = await createTestApp({ built, insight, logger });
    const store = loadConfig(env).insight.store;
    if (store.kind !== 'sqlite') throw new Error('expected SQLite');
    const other = new Database(store.file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const [answerId] = await chatAnswersThroughout(app, insight);
      const feedback = await request(app).post('/api/feedback').send({ answerId, rating: 'down' });
      expect(feedback.status).toBe(503);
      expect(feedback.body.error.code).toBe('store_unavailable');
      // WAL: readers are not blocked by another process's write lock, so the staff page still reads.
      expect((await admin(app, '/api/admin/summary')).status).toBe(200);
      const warnings = droppedWarnings(lines);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ dropped: 1 });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const [answerId] = await chatAnswersThroughout(app, insight);
    expect((await request(app).post('/api/feedback').send({ answerId, rating: 'up' })).status).toBe(
      200,
    );
    expect((await admin(app, '/api/admin/summary')).body.totals.questions).toBe(QUESTIONS.length);
  });

  it('PostgreSQL down: the server starts, chat answers, feedback and reports get 503, one warning', async () => {
    const { logger, lines } = capturedLogger();
    const env = {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`,
      ADMIN_TOKEN,
    };
    const insight = await openInsight(loadConfig(env).insight, logger);
    if (!insight) throw new Error('the question log should be on');
    try {
      expect(lines.map((line) => line.msg)).toContain(
        'question log: the store is not reachable; chat runs without it until it is',
      );
      const { app } = await createTestApp({ built, insight, logger });
      const [answerId] = await chatAnswersThroughout(app, insight);
      const feedback = await request(app).post('/api/feedback').send({ answerId, rating: 'up' });
      expect(feedback.status).toBe(503);
      expect(feedback.body).toEqual({
        error: { code: 'store_unavailable', message: expect.any(String) },
      });
      expect(feedback.text).not.toContain('127.0.0.1');
      expect((await admin(app, '/api/admin/unanswered')).status).toBe(503);
      expect(droppedWarnings(lines)).toHaveLength(1);
    } finally {
      await insight.close();
    }
  });
});
