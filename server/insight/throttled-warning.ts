/**
 * Reports a recurring failure at most once per interval, with how many times it happened since the last report:
 * a database that stays down for an hour yields sixty log lines, not one per chat turn.
 */
export class ThrottledWarning {
  private lastReported = Number.NEGATIVE_INFINITY;
  private unreported = 0;

  constructor(
    private readonly report: (error: unknown, occurrences: number) => void,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `occurrences` failures; reports them (and any held back) when the interval has passed. */
  note(error: unknown, occurrences = 1): void {
    this.unreported += occurrences;
    const now = this.now();
    if (now - this.lastReported < this.intervalMs) return;
    this.lastReported = now;
    const count = this.unreported;
    this.unreported = 0;
    this.report(error, count);
  }
}
