/** A worker that dies is replaced after this long at first… */
export const FIRST_RESTART_DELAY_MS = 100;
/** …doubling with each exit in the last RESTART_WINDOW_MS, up to this, so that a crash loop does not spin. */
export const MAX_RESTART_DELAY_MS = 10_000;
export const RESTART_WINDOW_MS = 60_000;

/**
 * How long to wait before replacing a worker, given when workers exited (including the exit just seen): the first
 * exit in a minute is replaced almost at once; each further one waits twice as long.
 */
export function restartDelayMs(exitTimes: readonly number[], now: number): number {
  const recent = exitTimes.filter((time) => now - time < RESTART_WINDOW_MS).length;
  if (recent <= 1) return FIRST_RESTART_DELAY_MS;
  return Math.min(FIRST_RESTART_DELAY_MS * 2 ** (recent - 1), MAX_RESTART_DELAY_MS);
}
