import pg from 'pg';
import { pendingMigrations, SCHEMA_MIGRATIONS_TABLE, type Migration } from './read-migrations.ts';
import type { SqlDriver, SqlStatement, SqlValue } from './sql-driver.ts';

/** Any constant serialises migrations across servers sharing one database; this one is ours. */
const MIGRATION_LOCK_KEY = 15_0001;
const INT8_OID = 20;

/** `?` placeholders (the store's shared SQL) as PostgreSQL's `$1, $2, …`; the store's SQL has no `?` in literals. */
export function numberPlaceholders(sql: string): string {
  let count = 0;
  return sql.replace(/\?/g, () => `$${++count}`);
}

/**
 * The store on PostgreSQL, for several server instances behind a balancer. Timeouts are short so that a database
 * that is down or hanging fails a write quickly instead of piling up work; an idle client's error (the database
 * restarting) is reported, never thrown, so it cannot bring the server down.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly numbered = new Map<string, string>();

  constructor(connectionString: string, onIdleError: (error: Error) => void = () => {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: 5,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      query_timeout: 5000,
      statement_timeout: 5000,
      // Counts and millisecond times are int8: read them as numbers, as SQLite returns them.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? Number
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    this.pool.on('error', onIdleError);
  }

  private text(sql: string): string {
    let numbered = this.numbered.get(sql);
    if (numbered === undefined) {
      numbered = numberPlaceholders(sql);
      this.numbered.set(sql, numbered);
    }
    return numbered;
  }

  async all<Row>(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    const result = await this.pool.query(this.text(sql), [...params]);
    return result.rows as Row[];
  }

  async write(
    statements: readonly SqlStatement[],
    { durable = true }: { durable?: boolean } = {},
  ): Promise<number[]> {
    return this.transaction(async (client) => {
      if (!durable) await client.query('SET LOCAL synchronous_commit = off');
      const counts: number[] = [];
      for (const { sql, params } of statements)
        counts.push((await client.query(this.text(sql), [...params])).rowCount ?? 0);
      return counts;
    });
  }

  async migrate(migrations: readonly Migration[]): Promise<number[]> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(SCHEMA_MIGRATIONS_TABLE);
      const applied = (
        await client.query<{ version: number }>('SELECT version FROM schema_migrations')
      ).rows.map((row) => Number(row.version));
      const pending = pendingMigrations(migrations, applied);
      for (const migration of pending) {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, Date.now()],
        );
      }
      return pending.map((migration) => migration.version);
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A client whose ROLLBACK fails is broken: release(true) discards it instead of reusing it.
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(!rolledBack);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
