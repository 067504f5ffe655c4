import type { LoggedQuestion } from './insight-store.ts';
import { timeOrderedId } from './time-ordered-id.ts';

/** A chat turn as the route knows it; the log adds the answerId and the time. */
export type ChatTurnRecord = Omit<LoggedQuestion, 'answerId' | 'askedAt'>;

export interface QuestionLogOptions {
  write: (entries: LoggedQuestion[]) => Promise<void>;
  /** Called with a failed write's error and how many questions it dropped (a ThrottledWarning). */
  onDrop: (error: unknown, dropped: number) => void;
  /** How long a question waits to be written with others. */
  flushIntervalMs?: number;
  /** The most questions written in one transaction. */
  maxBatch?: number;
  /** Questions held while the store is slow; beyond this they are dropped, so memory stays bounded. */
  maxPending?: number;
  now?: () => number;
}

/**
 * The question log's writer, off the chat's critical path: record() only queues (and names the answer); batches are
 * written on a timer, one write at a time. A failed write drops its batch through onDrop and never reaches the
 * chat request that queued it.
 */
export class QuestionLog {
  private pending: LoggedQuestion[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private readonly now: () => number;

  constructor(private readonly options: QuestionLogOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.maxBatch = options.maxBatch ?? 200;
    this.maxPending = options.maxPending ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Queues one chat turn and returns the answerId it is logged under. */
  record(turn: ChatTurnRecord): string {
    const askedAt = this.now();
    const answerId = timeOrderedId(askedAt);
    if (this.pending.length >= this.maxPending) {
      this.options.onDrop(new Error('the question log is behind: the store is too slow'), 1);
      return answerId;
    }
    this.pending.push({ ...turn, answerId, askedAt });
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs).unref();
    return answerId;
  }

  /** Writes everything queued so far; resolves when it is written or dropped (never rejects). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.options.write(batch);
      } catch (error) {
        this.options.onDrop(error, batch.length);
      }
    }
  }
}
