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
  /** Runs the statements in one transaction; resolves with each one's changed-row count once committed. */
  write(statements: readonly SqlStatement[]): Promise<number[]>;
  /** Applies the migrations not yet applied, under a lock so that concurrent servers apply each once. */
  migrate(migrations: readonly Migration[]): Promise<number[]>;
  close(): Promise<void>;
}
