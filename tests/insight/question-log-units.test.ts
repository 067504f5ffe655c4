// Decisions of the question log where they are made: batching and dropping, the once-a-minute warning, the
// report window and grouping, CSV cells, and the migration list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countArticles,
  groupUnanswered,
  reportWindow,
} from '../../server/insight/insight-report.ts';
import type { LoggedQuestion } from '../../server/insight/insight-store.ts';
import { numberPlaceholders } from '../../server/insight/postgres-driver.ts';
import { QuestionLog, type ChatTurnRecord } from '../../server/insight/question-log.ts';
import { pendingMigrations, readMigrations } from '../../server/insight/read-migrations.ts';
import { ThrottledWarning } from '../../server/insight/throttled-warning.ts';
import { timeOrderedId } from '../../server/insight/time-ordered-id.ts';
import { toCsv } from '../../server/insight/to-csv.ts';

const turn: ChatTurnRecord = {
  question: '第12条讲什么？',
  mode: 'staff',
  answered: true,
  refusal: null,
  articles: [12],
  provider: 'offline',
  latencyMs: 3,
};

describe('QuestionLog', () => {
  it('queues without writing, then writes everything queued in batches on flush', async () => {
    const batches: LoggedQuestion[][] = [];
    const log = new QuestionLog({
      write: async (entries) => void batches.push(entries),
      onDrop: () => {
        throw new Error('nothing should be dropped');
      },
      maxBatch: 3,
      flushIntervalMs: 60_000,
    });
    const ids = [1, 2].map(() => log.record(turn));
    expect(batches).toEqual([]);
    for (let index = 0; index < 5; index += 1) log.record(turn);
    await log.flush();
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(new Set(batches.flat().map((entry) => entry.answerId)).size).toBe(7);
    expect(batches[0]![0]).toMatchObject({ ...turn, answerId: ids[0] });
  });

  it('drops a failed batch through onDrop and carries on with the next one', async () => {
    const dropped: number[] = [];
    let fail = true;
    const written: string[] = [];
    const log = new QuestionLog({
      write: async (entries) => {
        if (fail) throw new Error('disk full');
        written.push(...entries.map((entry) => entry.answerId));
      },
      onDrop: (_error, count) => void dropped.push(count),
      flushIntervalMs: 60_000,
    });
    log.record(turn);
    log.record(turn);
    await expect(log.flush()).resolves.toBeUndefined();
    expect(dropped).toEqual([2]);
    fail = false;
    const id = log.record(turn);
    await log.flush();
    expect(written).toEqual([id]);
  });

  it('holds at most maxPending questions while the store is slow, dropping the rest', async () => {
    const dropped: number[] = [];
    const log = new QuestionLog({
      write: async () => {},
      onDrop: (_error, count) => void dropped.push(count),
      maxPending: 2,
      maxBatch: 100,
      flushIntervalMs: 60_000,
    });
    for (let index = 0; index < 5; index += 1) log.record(turn);
    expect(dropped).toEqual([1, 1, 1]);
    await log.flush();
  });
});

describe('timeOrderedId', () => {
  it('is a UUID (version 7) that sorts by time and cannot be guessed from the time', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const earlier = timeOrderedId(Date.UTC(2025, 0, 1));
    const later = timeOrderedId(Date.UTC(2025, 0, 1) + 1);
    expect(earlier).toMatch(uuid);
    expect(earlier < later).toBe(true);
    expect(timeOrderedId(0)).not.toBe(timeOrderedId(0));
  });
});

describe('ThrottledWarning', () => {
  it('reports at most once a minute, with the count held back', () => {
    let now = 0;
    const reports: number[] = [];
    const warning = new ThrottledWarning(
      (_error, count) => reports.push(count),
      60_000,
      () => now,
    );
    warning.note(new Error('down'), 2);
    now = 30_000;
    warning.note(new Error('down'), 5);
    warning.note(new Error('down'));
    expect(reports).toEqual([2]);
    now = 60_000;
    warning.note(new Error('down'));
    expect(reports).toEqual([2, 7]);
  });
});

describe('report window and grouping', () => {
  it('counts whole days in the asker’s time zone', () => {
    // 2025-03-01 20:00 UTC is 2025-03-02 04:00 in Beijing.
    const now = Date.UTC(2025, 2, 1, 20);
    const beijing = reportWindow(now, 1, 8 * 3_600_000);
    expect(new Date(beijing.since).toISOString()).toBe('2025-03-01T16:00:00.000Z');
    const twoDays = reportWindow(now, 2, 8 * 3_600_000);
    expect(new Date(twoDays.since).toISOString()).toBe('2025-02-28T16:00:00.000Z');
    const utc = reportWindow(now, 1, 0);
    expect(new Date(utc.since).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('counts each question once per article it cited, most cited first, ties by article number', () => {
    expect(countArticles([[12, 12, 3], [3], [27], [12]], 2)).toEqual([
      { article: 3, questions: 2 },
      { article: 12, questions: 2 },
    ]);
  });

  it('groups wordings with the same key words, named by the most asked wording', () => {
    const at = Date.UTC(2025, 0, 1);
    const groups = groupUnanswered(
      [
        { question: '房价多少', mode: 'citizen', asked: 2, lastAskedAt: at },
        { question: '市长是谁', mode: 'staff', asked: 4, lastAskedAt: at },
        {
          question: '房价是多少？',
          mode: 'staff',
          asked: 3,
          lastAskedAt: at + 1,
        },
        { question: '房价多少', mode: 'staff', asked: 2, lastAskedAt: at },
      ],
      (question) => [question.includes('房价') ? '房价' : '市长'],
      10,
    );
    expect(groups).toEqual([
      {
        question: '房价多少',
        count: 7,
        keywords: ['房价'],
        variants: ['房价是多少？'],
        mode: 'staff',
        lastAskedAt: new Date(at + 1).toISOString(),
      },
      expect.objectContaining({ question: '市长是谁', count: 4 }),
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=1+1', 'x,"y"'],
          [-3, null],
          ['@SUM', 'line\nbreak'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n\'=1+1,"x,""y"""\r\n-3,\r\n\'@SUM,"line\nbreak"\r\n');
  });
});

describe('migrations', () => {
  it('are numbered without gaps and refuse a database newer than the code', () => {
    const migrations = readMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual(
      migrations.map((_migration, index) => index + 1),
    );
    expect(pendingMigrations(migrations, [])).toEqual(migrations);
    expect(pendingMigrations(migrations, [1])).toEqual(migrations.slice(1));
    expect(() => pendingMigrations(migrations, [migrations.length + 1])).toThrow(
      /upgrade the server/,
    );
  });

  it('reject a missing number or a misnamed file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plan-migrations-'));
    try {
      await writeFile(path.join(dir, '001-first.sql'), 'SELECT 1;');
      await writeFile(path.join(dir, '003-third.sql'), 'SELECT 3;');
      expect(() => readMigrations(dir)).toThrow(/migration 2 is missing/);
      await writeFile(path.join(dir, '2-second.sql'), 'SELECT 2;');
      expect(() => readMigrations(dir)).toThrow(/NNN-name\.sql/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('number placeholders for PostgreSQL in order', () => {
    expect(numberPlaceholders('SELECT ? , ?, (?)')).toBe('SELECT $1 , $2, ($3)');
  });
});
