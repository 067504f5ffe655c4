import { setTimeout as sleep } from 'node:timers/promises';
import type {
  AdminSummary,
  FeedbackItem,
  FeedbackRating,
  UnansweredGroup,
} from '../../core/wire/insight-wire.ts';
import {
  countArticles,
  feedbackItems,
  groupUnanswered,
  reportWindow,
  summarize,
  type ReportWindow,
} from './insight-report.ts';
import type { FeedbackVote, InsightStore } from './insight-store.ts';
import type { ChatTurnRecord, QuestionLog } from './question-log.ts';
import { StoreUnavailableError } from './store-unavailable-error.ts';

const DAY_MS = 86_400_000;
/** Refused wordings read for grouping: enough for months of traffic, bounded for a flood. */
const MAX_UNANSWERED_WORDINGS = 20_000;

export interface InsightOptions {
  retentionDays: number;
  /** /admin and /api/admin are mounted only with a token. */
  adminToken?: string;
  /**
   * A vote for an answer no logged question has yet is tried once more after this wait: with several instances the
   * answer may still be in another instance's unwritten batch. 0 for a store only this process writes (SQLite).
   */
  crossInstanceWaitMs: number;
  /** A question's key words (questionKeywords); refused questions sharing them are one group. */
  keywordsOf: (question: string) => string[];
  now?: () => number;
}

export interface ReportQuery {
  days: number;
  /** Minutes behind UTC, as the page's Date.getTimezoneOffset() gives them (-480 in Beijing). */
  timezoneOffsetMinutes: number;
  limit: number;
}

/** The question log, feedback and the staff reports, over one store; what the routes use. */
export class Insight {
  private readonly now: () => number;
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly store: InsightStore,
    readonly log: QuestionLog,
    readonly options: InsightOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get adminToken(): string | undefined {
    return this.options.adminToken;
  }

  /** Queues the turn for the log (never waits on the store) and returns the answerId it is logged under. */
  recordTurn(turn: ChatTurnRecord): string {
    return this.log.record(turn);
  }

  /** Resolves true once the vote is committed, false for an unknown answerId; StoreUnavailableError if it cannot be. */
  async recordFeedback(vote: Omit<FeedbackVote, 'ratedAt'>): Promise<boolean> {
    await this.log.flush();
    const stamped = { ...vote, ratedAt: this.now() };
    const recorded = await this.guard(() => this.store.recordFeedback(stamped));
    if (recorded || this.options.crossInstanceWaitMs === 0) return recorded;
    await sleep(this.options.crossInstanceWaitMs);
    return this.guard(() => this.store.recordFeedback({ ...stamped, ratedAt: this.now() }));
  }

  async summary(query: ReportQuery, titleOf: (article: number) => string): Promise<AdminSummary> {
    const window = await this.window(query);
    const [perDay, cited, feedback] = await this.guard(() =>
      Promise.all([
        this.store.questionsPerDay(window.since, window.utcOffsetMs),
        this.store.citedArticles(window.since),
        this.store.feedbackCounts(window.since),
      ]),
    );
    return summarize(window, perDay, countArticles(cited, query.limit), feedback, titleOf);
  }

  async unanswered(query: ReportQuery): Promise<UnansweredGroup[]> {
    const window = await this.window(query);
    const wordings = await this.guard(() =>
      this.store.unansweredWordings(window.since, MAX_UNANSWERED_WORDINGS),
    );
    return groupUnanswered(wordings, this.options.keywordsOf, query.limit);
  }

  async feedback(query: ReportQuery, rating: FeedbackRating | null): Promise<FeedbackItem[]> {
    const window = await this.window(query);
    return feedbackItems(
      await this.guard(() => this.store.feedback(window.since, rating, query.limit)),
    );
  }

  /** Deletes what is older than the retention period; returns how many questions went. */
  purgeExpired(): Promise<number> {
    return this.store.purgeBefore(this.now() - this.options.retentionDays * DAY_MS);
  }

  /** Purges now and then every `everyMs`, telling `report` how many rows went or what failed. */
  schedulePurge(
    everyMs: number,
    report: (outcome: { deleted: number } | { error: unknown }) => void,
  ) {
    const purge = () =>
      void this.purgeExpired().then(
        (deleted) => report({ deleted }),
        (error: unknown) => report({ error }),
      );
    purge();
    this.purgeTimer = setInterval(purge, everyMs).unref();
  }

  /** Writes what the log still holds, then closes the store. */
  async close(): Promise<void> {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.log.flush();
    await this.store.close();
  }

  /** Reports include this process's questions asked a moment ago: its queue is written first. */
  private async window(query: ReportQuery): Promise<ReportWindow> {
    await this.log.flush();
    return reportWindow(this.now(), query.days, -query.timezoneOffsetMinutes * 60_000);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }
}
