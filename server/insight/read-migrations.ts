import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';

/** One schema change, applied once, in version order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** From the package root, so that the sources, the build in dist/ and npm start's bundle find the same files. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'server', 'insight', 'migrations');

const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/**
 * The migrations in the repository, `NNN-name.sql`, numbered 001, 002, … without gaps: a missing or duplicated
 * number is an error here rather than a schema that differs between deployments.
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`${path.join(dir, file)}: a migration is named NNN-name.sql`);
      return {
        version: Number(match[1]),
        name: match[2] ?? '',
        sql: readFileSync(path.join(dir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`${dir}: migration ${index + 1} is missing or duplicated`);
  });
  return migrations;
}

/** The migrations a database at `applied` versions still needs; refuses a database newer than this code. */
export function pendingMigrations(
  migrations: readonly Migration[],
  applied: readonly number[],
): Migration[] {
  const newest = Math.max(0, ...applied);
  if (newest > migrations.length)
    throw new Error(
      `the database is at schema version ${newest}; this server knows ${migrations.length}: upgrade the server`,
    );
  const done = new Set(applied);
  return migrations.filter((migration) => !done.has(migration.version));
}

/** Created before anything else, in the same transaction that applies the migrations. */
export const SCHEMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;
