// The question log's settings, read once by loadConfig like every other variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { loadConfig } from '../../server/config.ts';
import { configProblem as problem } from '../helpers/config-problem.ts';

describe('question log configuration', () => {
  it('is on by default, on SQLite under .data, kept 180 days, with no admin page', () => {
    expect(loadConfig({}).insight).toEqual({
      questionLog: true,
      retentionDays: 180,
      store: { kind: 'sqlite', file: path.join(PROJECT_ROOT, '.data', 'insight.sqlite') },
      adminToken: undefined,
    });
  });

  it('treats empty values as unset', () => {
    const empty = {
      QUESTION_LOG: '',
      LOG_RETENTION_DAYS: '',
      DATA_DIR: '',
      DATABASE_URL: '',
      ADMIN_TOKEN: '',
    };
    expect(loadConfig(empty).insight).toEqual(loadConfig({}).insight);
  });

  it('reads what it is given: off, a retention, a data directory, PostgreSQL, a token', () => {
    const token = 'a-long-enough-admin-token';
    const config = loadConfig({
      QUESTION_LOG: 'off',
      LOG_RETENTION_DAYS: '30',
      DATA_DIR: '/srv/plan-data',
      ADMIN_TOKEN: token,
    }).insight;
    expect(config).toMatchObject({
      questionLog: false,
      retentionDays: 30,
      store: { kind: 'sqlite', file: '/srv/plan-data/insight.sqlite' },
      adminToken: token,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://plan:secret@db.internal:5432/plan' }).insight.store,
    ).toEqual({ kind: 'postgres', url: 'postgresql://plan:secret@db.internal:5432/plan' });
  });

  it('names the variable when a value is wrong', () => {
    expect(problem({ QUESTION_LOG: 'maybe' })).toMatch(
      /QUESTION_LOG: QUESTION_LOG must be on or off/,
    );
    expect(problem({ LOG_RETENTION_DAYS: '0' })).toMatch(/LOG_RETENTION_DAYS/);
    expect(problem({ DATABASE_URL: 'mysql://db/plan' })).toMatch(
      /DATABASE_URL must be a PostgreSQL URL/,
    );
    expect(problem({ ADMIN_TOKEN: 'short' })).toMatch(/ADMIN_TOKEN must be at least 16 characters/);
  });
});
