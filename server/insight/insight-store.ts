import type { Audience } from '../../core/wire/chat-wire.ts';
import type { FeedbackRating } from '../../core/wire/insight-wire.ts';
import * as SQL from './insight-sql.ts';
import { readMigrations } from './read-migrations.ts';
import type { SqlDriver, SqlStatement } from './sql-driver.ts';

/** One chat turn as the log keeps it: nothing about who asked, nothing of the conversation before it. */
export interface LoggedQuestion {
  answerId: string;
  askedAt: number;
  question: string;
  mode: Audience;
  answered: boolean;
  /** The refusal's kind (not-covered, no-figure, missing-structure, nothing-left) when not answered. */
  refusal: string | null;
  articles: number[];
  provider: string;
  latencyMs: number;
}

export interface FeedbackVote {
  answerId: string;
  rating: FeedbackRating;
  comment: string | null;
  ratedAt: number;
}

export interface DayCount {
  /** Days since the epoch in the requested time zone. */
  day: number;
  mode: Audience;
  questions: number;
  answered: number;
}

export interface UnansweredWording {
  question: string;
  mode: Audience;
  asked: number;
  lastAskedAt: number;
}

export interface StoredFeedback extends FeedbackVote {
  question: string;
  mode: Audience;
  answered: boolean;
}

interface FeedbackRow {
  answer_id: string;
  question: string;
  mode: Audience;
  answered: number;
  rating: FeedbackRating;
  comment: string | null;
  rated_at: number;
}

/**
 * The question log and feedback over either database (SqlDriver): the same SQL, the same migrations, the same
 * tests. Migrations run before the first read or write and are retried after a failure (a database still starting).
 */
export class InsightStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly driver: SqlDriver) {}

  get kind(): SqlDriver['dialect'] {
    return this.driver.dialect;
  }

  migrate(): Promise<void> {
    this.ready ??= this.driver.migrate(readMigrations()).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  async insertQuestions(entries: readonly LoggedQuestion[]): Promise<void> {
    if (entries.length === 0) return;
    await this.migrate();
    const statements: SqlStatement[] = entries.map((entry) => ({
      sql: SQL.INSERT_QUESTION,
      params: [
        entry.answerId,
        entry.askedAt,
        entry.question,
        entry.mode,
        entry.answered ? 1 : 0,
        entry.refusal,
        entry.provider,
        Math.round(entry.latencyMs),
        entry.articles.join(','),
      ],
    }));
    // The log need not wait for the disk: a crash loses nothing committed, a power cut may lose the last moments.
    await this.driver.write(statements, { durable: false });
  }

  /** Resolves once the vote is committed: true, or false when no logged question has this answerId. */
  async recordFeedback(vote: FeedbackVote): Promise<boolean> {
    await this.migrate();
    const [changed] = await this.driver.write([
      {
        sql: SQL.UPSERT_FEEDBACK,
        params: [vote.answerId, vote.rating, vote.comment, vote.ratedAt, vote.answerId],
      },
    ]);
    return (changed ?? 0) > 0;
  }

  async questionsPerDay(since: number, utcOffsetMs: number): Promise<DayCount[]> {
    await this.migrate();
    const rows = await this.driver.all<DayCount>(SQL.QUESTIONS_PER_DAY, [utcOffsetMs, since]);
    return rows.map((row) => ({
      day: Number(row.day),
      mode: row.mode,
      questions: Number(row.questions),
      answered: Number(row.answered),
    }));
  }

  /** The articles cited by each question asked since `since` (questions that cited none left out). */
  async citedArticles(since: number): Promise<number[][]> {
    await this.migrate();
    const rows = await this.driver.all<{ articles: string }>(SQL.CITED_ARTICLES, [since]);
    return rows.map((row) => row.articles.split(',').map(Number));
  }

  async feedbackCounts(since: number): Promise<Record<FeedbackRating, number>> {
    await this.migrate();
    const rows = await this.driver.all<{ rating: FeedbackRating; votes: number }>(
      SQL.FEEDBACK_COUNTS,
      [since],
    );
    const counts = { up: 0, down: 0 };
    for (const row of rows) counts[row.rating] = Number(row.votes);
    return counts;
  }

  async unansweredWordings(since: number, limit: number): Promise<UnansweredWording[]> {
    await this.migrate();
    const rows = await this.driver.all<{
      question: string;
      mode: Audience;
      asked: number;
      last_asked_at: number;
    }>(SQL.UNANSWERED_WORDINGS, [since, limit]);
    return rows.map((row) => ({
      question: row.question,
      mode: row.mode,
      asked: Number(row.asked),
      lastAskedAt: Number(row.last_asked_at),
    }));
  }

  async feedback(
    since: number,
    rating: FeedbackRating | null,
    limit: number,
  ): Promise<StoredFeedback[]> {
    await this.migrate();
    const rows = rating
      ? await this.driver.all<FeedbackRow>(SQL.FEEDBACK_LIST_BY_RATING, [since, rating, limit])
      : await this.driver.all<FeedbackRow>(SQL.FEEDBACK_LIST, [since, limit]);
    return rows.map((row) => ({
      answerId: row.answer_id,
      question: row.question,
      mode: row.mode,
      answered: Number(row.answered) === 1,
      rating: row.rating,
      comment: row.comment,
      ratedAt: Number(row.rated_at),
    }));
  }

  /** Deletes questions asked before `cutoff`, with their feedback; returns how many. */
  async purgeBefore(cutoff: number): Promise<number> {
    await this.migrate();
    const [deleted] = await this.driver.write([{ sql: SQL.PURGE_QUESTIONS, params: [cutoff] }]);
    return deleted ?? 0;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
