import type { Logger } from 'pino';
import type { InsightConfig } from '../config.ts';
import { Insight } from './insight.ts';
import { InsightStore } from './insight-store.ts';
import { questionKeywords } from './question-keywords.ts';
import { QuestionLog } from './question-log.ts';
import { ThrottledWarning } from './throttled-warning.ts';

const PURGE_EVERY_MS = 6 * 60 * 60_000;
/** How long another instance may hold an answer in its unwritten batch (QuestionLog's interval, with margin). */
const CROSS_INSTANCE_WAIT_MS = 1000;

/**
 * The one place that reads the insight configuration: null when QUESTION_LOG=off, else the log over SQLite (under
 * DATA_DIR) or PostgreSQL (DATABASE_URL). A database that is not reachable yet does not stop the server: chat
 * runs, the log drops with a warning a minute, and migrations are tried again on the next write.
 */
export async function openInsight(config: InsightConfig, logger: Logger): Promise<Insight | null> {
  if (!config.questionLog) {
    logger.info('QUESTION_LOG=off: no question log, no feedback, no /admin');
    return null;
  }
  const { store: where } = config;
  // Each database's client library is loaded only when that database is configured.
  const driver =
    where.kind === 'postgres'
      ? new (await import('./postgres-driver.ts')).PostgresDriver(where.url, (error) =>
          logger.warn({ err: error }, 'question log: an idle database connection failed'),
        )
      : new (await import('./sqlite-driver.ts')).SqliteDriver(where.file, where.busyTimeoutMs);
  const store = new InsightStore(driver);
  const dropped = new ThrottledWarning((error, count) =>
    logger.warn(
      { err: error, dropped: count },
      'question log: writes failed, questions dropped (this warning repeats at most once a minute)',
    ),
  );
  const log = new QuestionLog({
    write: (entries) => store.insertQuestions(entries),
    onDrop: (error, count) => dropped.note(error, count),
  });
  const insight = new Insight(store, log, {
    retentionDays: config.retentionDays,
    adminToken: config.adminToken,
    crossInstanceWaitMs: where.kind === 'postgres' ? CROSS_INSTANCE_WAIT_MS : 0,
    keywordsOf: questionKeywords,
  });
  // The database URL may hold a password: only the kind is logged.
  const location = where.kind === 'sqlite' ? { file: where.file } : {};
  try {
    await store.migrate();
    logger.info({ store: where.kind, ...location }, 'question log ready');
  } catch (error) {
    logger.warn(
      { err: error, store: where.kind, ...location },
      'question log: the store is not reachable; chat runs without it until it is',
    );
  }
  insight.schedulePurge(PURGE_EVERY_MS, (outcome) => {
    if ('error' in outcome)
      logger.warn({ err: outcome.error }, 'question log: purging old questions failed');
    else if (outcome.deleted > 0)
      logger.info(
        { deleted: outcome.deleted, retentionDays: config.retentionDays },
        'question log: old questions purged',
      );
  });
  return insight;
}
