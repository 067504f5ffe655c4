import type { Migration } from './read-migrations.ts';

export type SqlValue = string | number | null;

export interface SqlStatement {
  /** SQL with `?` placeholders; values travel separately, never inside the text. */
  sql: string;
  params: readonly SqlValue[];
}

/**
 * What the insight store needs of a database: reads, atomic writes and migrations. The store's SQL is the same for
 * both drivers (sqlite-driver.ts, postgres-driver.ts); only connecting, placeholders and locking differ.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  all<Row>(sql: string, params: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Runs the statements in one transaction; resolves with each one's changed-row count once committed. A durable
   * write (the default) is on disk when it resolves; `durable: false` (the question log) survives a crashed
   * process but may be lost with a power cut, and in exchange never waits for the disk to flush.
   */
  write(statements: readonly SqlStatement[], options?: { durable?: boolean }): Promise<number[]>;
  /** Applies the migrations not yet applied, under a lock so that concurrent servers apply each once. */
  migrate(migrations: readonly Migration[]): Promise<number[]>;
  close(): Promise<void>;
}
