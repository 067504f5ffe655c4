// The question log's store, the same tests on SQLite and on PostgreSQL: migrations, what a turn keeps, the reports,
// one vote per answer, text kept exactly as typed (parameterised queries), and the retention purge.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Insight } from '../../server/insight/insight.ts';
import type { LoggedQuestion } from '../../server/insight/insight-store.ts';
import { PostgresDriver } from '../../server/insight/postgres-driver.ts';
import { readMigrations } from '../../server/insight/read-migrations.ts';
import type { ChatTurnRecord } from '../../server/insight/question-log.ts';
import type { SqlDriver } from '../../server/insight/sql-driver.ts';
import { SqliteDriver } from '../../server/insight/sqlite-driver.ts';
import { InsightStore } from '../../server/insight/insight-store.ts';
import { InsightStores, STORE_KINDS } from '../helpers/insight-stores.ts';

const DAY_MS = 86_400_000;
const stores = new InsightStores();
afterAll(() => stores.close());

function driverFor(env: Record<string, string>): SqlDriver {
  const where = loadConfig(env).insight.store;
  return where.kind === 'sqlite' ? new SqliteDriver(where.file) : new PostgresDriver(where.url);
}

const turn = (overrides: Partial<ChatTurnRecord> = {}): ChatTurnRecord => ({
  question: '第12条讲什么？',
  mode: 'staff',
  answered: true,
  refusal: null,
  articles: [12],
  provider: 'offline',
  latencyMs: 12,
  ...overrides,
});

const query = { days: 30, timezoneOffsetMinutes: -480, limit: 100 };
const titleOf = (article: number) => `标题${article}`;

describe.each(STORE_KINDS)('the question log store on %s', (kind) => {
  it('applies each migration once, also when two servers start at the same moment', async () => {
    const env = await stores.env(kind);
    const drivers = [driverFor(env), driverFor(env)];
    try {
      const applied = await Promise.all(
        drivers.map((driver) => new InsightStore(driver).migrate()),
      );
      expect(applied).toHaveLength(2);
      const versions = await drivers[0]!.all<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
        [],
      );
      expect(versions.map((row) => Number(row.version))).toEqual(
        readMigrations().map((migration) => migration.version),
      );
      // A later start finds nothing to do.
      expect(await drivers[1]!.migrate(readMigrations())).toEqual([]);
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
    }
  });

  it('reports questions per day and mode, the articles asked about, and refusals grouped by key words', async () => {
    const { insight } = await stores.open(kind);
    insight.recordTurn(turn({ articles: [12, 13] }));
    insight.recordTurn(turn({ mode: 'citizen', articles: [12] }));
    insight.recordTurn(
      turn({
        question: '乌海的房价是多少？',
        answered: false,
        refusal: 'not-covered',
        articles: [],
      }),
    );
    insight.recordTurn(
      turn({ question: '房价在乌海是多少', answered: false, refusal: 'not-covered', articles: [] }),
    );
    insight.recordTurn(
      turn({ question: '乌海的房价是多少？', mode: 'citizen', answered: false, articles: [] }),
    );
    insight.recordTurn(
      turn({ question: '市长是谁？', answered: false, refusal: 'no-figure', articles: [] }),
    );

    const summary = await insight.summary(query, titleOf);
    expect(summary.totals).toEqual({ questions: 6, answered: 2 });
    expect(summary.byMode).toEqual({
      staff: { questions: 4, answered: 1 },
      citizen: { questions: 2, answered: 1 },
      trainer: { questions: 0, answered: 0 },
    });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(summary.perDay).toEqual([
      { date: today, mode: 'citizen', questions: 2, answered: 1 },
      { date: today, mode: 'staff', questions: 4, answered: 1 },
    ]);
    expect(summary.topArticles).toEqual([
      { article: 12, title: '标题12', questions: 2 },
      { article: 13, title: '标题13', questions: 1 },
    ]);

    const unanswered = await insight.unanswered(query);
    expect(
      unanswered.map(({ question, count, keywords, variants }) => ({
        question,
        count,
        keywords,
        variants,
      })),
    ).toEqual([
      {
        question: '乌海的房价是多少？',
        count: 3,
        keywords: ['乌海', '房价'],
        variants: ['房价在乌海是多少'],
      },
      { question: '市长是谁？', count: 1, keywords: ['市长', '谁'], variants: [] },
    ]);
    expect(unanswered[0]!.mode).toBe('staff');
  });

  it('keeps one vote per answer, the later replacing the earlier, and refuses an answerId nobody was given', async () => {
    const { insight } = await stores.open(kind);
    const answerId = insight.recordTurn(turn());
    expect(await insight.recordFeedback({ answerId, rating: 'up', comment: null })).toBe(true);
    expect(await insight.recordFeedback({ answerId, rating: 'down', comment: '没说清楚' })).toBe(
      true,
    );
    const items = await insight.feedback(query, null);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      answerId,
      question: '第12条讲什么？',
      rating: 'down',
      comment: '没说清楚',
      answered: true,
    });
    expect(await insight.feedback(query, 'up')).toEqual([]);
    expect((await insight.summary(query, titleOf)).feedback).toEqual({ up: 0, down: 1 });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await insight.recordFeedback({ answerId: unknown, rating: 'up', comment: null })).toBe(
      false,
    );
    expect(await insight.feedback(query, null)).toHaveLength(1);
  });

  it('stores text exactly as typed: quotes, placeholders and SQL are values, never code', async () => {
    const { insight } = await stores.open(kind);
    const question = `'); DROP TABLE questions; -- 第1条 "引号" ? $1 \\ \t 完`;
    const comment = `x' OR '1'='1'; DELETE FROM feedback; -- ? $2`;
    const answerId = insight.recordTurn(turn({ question }));
    expect(await insight.recordFeedback({ answerId, rating: 'down', comment })).toBe(true);
    const [item] = await insight.feedback(query, 'down');
    expect(item).toMatchObject({ question, comment });
    expect((await insight.summary(query, titleOf)).totals.questions).toBe(1);
  });

  it('purges questions older than LOG_RETENTION_DAYS, with their feedback', async () => {
    const { insight } = await stores.open(kind, { LOG_RETENTION_DAYS: '7' });
    const now = Date.now();
    const logged = (answerId: string, daysAgo: number): LoggedQuestion => ({
      ...turn({ articles: [5] }),
      answerId,
      askedAt: now - daysAgo * DAY_MS,
    });
    const old = '11111111-1111-4111-8111-111111111111';
    const recent = '22222222-2222-4222-8222-222222222222';
    await insight.store.insertQuestions([logged(old, 8), logged(recent, 6)]);
    await insight.store.recordFeedback({
      answerId: old,
      rating: 'down',
      comment: '旧',
      ratedAt: now,
    });
    await insight.store.recordFeedback({
      answerId: recent,
      rating: 'up',
      comment: null,
      ratedAt: now,
    });

    expect(await purge(insight)).toBe(1);
    const everything = { ...query, days: 7 };
    expect((await insight.summary(everything, titleOf)).totals.questions).toBe(1);
    expect((await insight.feedback(everything, null)).map((item) => item.answerId)).toEqual([
      recent,
    ]);
    expect(await insight.store.citedArticles(0)).toEqual([[5]]);
    expect(await purge(insight)).toBe(0);
  });
});

function purge(insight: Insight): Promise<number> {
  return insight.purgeExpired();
}
