import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pendingMigrations, SCHEMA_MIGRATIONS_TABLE, type Migration } from './read-migrations.ts';
import type { SqlDriver, SqlStatement, SqlValue } from './sql-driver.ts';

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so a lock held by another process
 * must not make the server wait: busy_timeout is 0 and a locked database fails at once (the question log drops the
 * batch, feedback answers 503); the workers of a cluster, which share the file, wait a little for each other. synchronous=FULL makes a committed vote survive a power cut, not only a crash.
 * The file is opened on first use, and again after a failed open (a directory not yet writable, say).
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private database: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private synchronousMode: 'FULL' | 'NORMAL' = 'FULL';

  /** busyTimeoutMs: how long a write waits for another process's lock (the workers of a cluster); 0 fails at once. */
  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs = 0,
  ) {}

  private get db(): Database.Database {
    if (this.database) return this.database;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const db = new Database(this.file, { timeout: this.busyTimeoutMs });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (error) {
      db.close();
      throw error;
    }
    this.database = db;
    return db;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all<Row>(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    return this.prepare(sql).all(...params) as Row[];
  }

  async write(
    statements: readonly SqlStatement[],
    { durable = true }: { durable?: boolean } = {},
  ): Promise<number[]> {
    const prepared = statements.map(({ sql, params }) => ({
      statement: this.prepare(sql),
      params,
    }));
    // WAL with NORMAL writes the commit to the log without fsync (the event loop does not wait for the disk); a
    // later FULL commit syncs the log, and everything before it, before it returns.
    this.synchronous(durable ? 'FULL' : 'NORMAL');
    return this.db.transaction(() =>
      prepared.map(({ statement, params }) => statement.run(...params).changes),
    )();
  }

  private synchronous(mode: 'FULL' | 'NORMAL'): void {
    if (this.synchronousMode === mode) return;
    this.db.pragma(`synchronous = ${mode}`);
    this.synchronousMode = mode;
  }

  async migrate(migrations: readonly Migration[]): Promise<number[]> {
    const db = this.db;
    const apply = db.transaction(() => {
      db.exec(SCHEMA_MIGRATIONS_TABLE);
      const applied = db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((row) => (row as { version: number }).version);
      const pending = pendingMigrations(migrations, applied);
      const record = db.prepare(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      );
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, Date.now());
      }
      return pending.map((migration) => migration.version);
    });
    // IMMEDIATE takes the write lock first, so two processes never both see version N missing.
    return apply.immediate();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.database?.close();
    this.database = null;
    this.synchronousMode = 'FULL';
  }
}
