// The two stores the question log runs on, for suites that run the same tests against both: an SQLite file in a
// temporary DATA_DIR, or a fresh database on a PostgreSQL server this helper starts (once per test file).
import { pino, type Logger } from 'pino';
import { loadConfig } from '../../server/config.ts';
import type { Insight } from '../../server/insight/insight.ts';
import { openInsight } from '../../server/insight/open-insight.ts';
import { makeTempDir } from './plan-index.ts';
import { startPostgres, type PostgresServer } from './postgres-server.ts';

export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export class InsightStores {
  private postgres: Promise<PostgresServer> | null = null;
  private readonly cleanups: Array<() => Promise<void>> = [];
  private databases = 0;

  /** The environment that points a server at a new, empty store of this kind. */
  async env(kind: StoreKind): Promise<Record<string, string>> {
    if (kind === 'sqlite') {
      const temp = await makeTempDir('plan-insight-');
      this.cleanups.push(temp.cleanup);
      return { DATA_DIR: temp.dir, DATABASE_URL: '' };
    }
    this.postgres ??= startPostgres();
    const server = await this.postgres;
    this.databases += 1;
    return { DATABASE_URL: await server.createDatabase(`insight_${this.databases}`) };
  }

  /** The real openInsight over a new store, configured through loadConfig as the server is. */
  async open(
    kind: StoreKind,
    extraEnv: Record<string, string> = {},
    logger: Logger = pino({ level: 'silent' }),
  ): Promise<{ insight: Insight; env: Record<string, string> }> {
    const env = { ADMIN_TOKEN, ...(await this.env(kind)), ...extraEnv };
    const insight = await openInsight(loadConfig(env).insight, logger);
    if (!insight) throw new Error('the question log is off in this environment');
    this.cleanups.push(() => insight.close());
    return { insight, env };
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup().catch(() => {});
    if (this.postgres) await (await this.postgres).stop();
  }
}
