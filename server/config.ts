import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_INDEX_DIR, DEFAULT_SOURCE_FILE, PROJECT_ROOT } from '../ingest/project-paths.ts';

/** LLM_TIMEOUT_MS when unset: a model answer slower than this is a failure, and the offline answer is served. */
export const DEFAULT_MODEL_TIMEOUT_MS = 30_000;

/** Empty strings count as unset, so that `FOO=` in a .env file means "use the default". */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);
const number = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? fallback : Number(value)),
    z.number().int().min(min).max(max),
  );

/** A shorter admin token is too easy to guess, even rate-limited. */
const MIN_ADMIN_TOKEN_CHARS = 16;
const DEFAULT_DATA_DIR = '.data';
const SQLITE_FILE_NAME = 'insight.sqlite';
/** The workers of a cluster wait this long at most for each other's SQLite write lock. */
const SQLITE_BUSY_TIMEOUT_IN_CLUSTER_MS = 100;

/** More worker processes than this is a typo, not a deployment. */
const MAX_WORKERS = 64;

const EnvSchema = z.object({
  PORT: number(3000, 0, 65535),
  HOST: optionalText.default('127.0.0.1'),
  INDEX_DIR: optionalText,
  SOURCE_FILE: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(
    z
      .url({ message: 'OPENAI_BASE_URL must be a URL such as http://localhost:11434/v1' })
      .optional(),
  ),
  CHAT_MODEL: optionalText.default('gpt-4o-mini'),
  EMBEDDER: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['offline', 'openai']).optional(),
  ),
  EMBEDDING_MODEL: optionalText,
  EMBEDDING_DIMENSIONS: z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : Number(value)),
    z.number().int().positive().optional(),
  ),
  LLM_TIMEOUT_MS: number(DEFAULT_MODEL_TIMEOUT_MS, 100, 600_000),
  RATE_LIMIT_PER_MINUTE: number(60, 0, 100_000),
  RESPONSE_CACHE_SIZE: number(500, 0, 100_000),
  CORS_ORIGINS: optionalText,
  TRUST_PROXY: optionalText,
  LOG_LEVEL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  QUESTION_LOG: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['on', 'off'], { message: 'QUESTION_LOG must be on or off' }).default('on'),
  ),
  LOG_RETENTION_DAYS: number(180, 1, 36_500),
  DATA_DIR: optionalText,
  WEB_CONCURRENCY: optionalText.pipe(
    z
      .string()
      .regex(/^(auto|[1-9][0-9]*)$/, {
        message: 'WEB_CONCURRENCY must be a number of worker processes (1, 2, …) or auto',
      })
      .refine((value) => value === 'auto' || Number(value) <= MAX_WORKERS, {
        message: `WEB_CONCURRENCY must be at most ${MAX_WORKERS} (or auto: one per core)`,
      })
      .optional(),
  ),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/[^\s/]/, {
        message:
          'REDIS_URL must be a Redis URL such as redis://localhost:6379 (or rediss:// for TLS)',
      })
      .optional(),
  ),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user@host:5432/db',
      })
      .optional(),
  ),
  ADMIN_TOKEN: optionalText.pipe(
    z
      .string()
      .min(MIN_ADMIN_TOKEN_CHARS, {
        message: `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_CHARS} characters (e.g. openssl rand -hex 24)`,
      })
      .optional(),
  ),
});

/** Everything the application reads from the environment, validated once. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  host: string;
  indexDir: string;
  sourceFile: string;
  embedder: { kind: 'offline' } | { kind: 'openai'; model: string; dimensions?: number };
  /** Set when a chat model is configured (OPENAI_API_KEY or OPENAI_BASE_URL). */
  chatModel: { model: string; baseURL?: string; apiKey?: string } | null;
  /** The whole-call limit of a model answer (LLM_TIMEOUT_MS), for the configured model or one passed in. */
  modelTimeoutMs: number;
  openai: { baseURL?: string; apiKey?: string };
  rateLimitPerMinute: number;
  /** Offline answers kept for repeated questions. */
  responseCacheSize: number;
  corsOrigins: string[];
  trustProxy: string | undefined;
  logLevel: string;
  /** The question log, feedback and the staff insight page (server/insight/). */
  insight: InsightConfig;
  /** Worker processes serving one port (WEB_CONCURRENCY; auto: one per core); 1 is a single process, no cluster. */
  workers: number;
  /** Rate limits and the response cache shared through Redis by every worker and instance; null: not shared. */
  redis: { url: string } | null;
}

export interface InsightConfig {
  /** QUESTION_LOG=off: no database is opened; no answerId, feedback or /admin. */
  questionLog: boolean;
  retentionDays: number;
  /** PostgreSQL when DATABASE_URL is set, else an SQLite file under DATA_DIR. */
  store:
    | {
        kind: 'sqlite';
        file: string;
        /**
         * How long a write waits for another process's lock (busy_timeout); 0 when absent. Several workers write
         * one file: a wait of a millisecond or two beats dropping a batch or answering a vote with 503.
         */
        busyTimeoutMs?: number;
      }
    | { kind: 'postgres'; url: string };
  /** /admin and /api/admin are off when unset. */
  adminToken?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`invalid configuration (see .env.example): ${problems}`);
  }
  const vars = parsed.data;
  const embedderKind = vars.EMBEDDER ?? (vars.EMBEDDING_MODEL ? 'openai' : 'offline');
  if (embedderKind === 'openai' && !vars.EMBEDDING_MODEL) {
    throw new ConfigError(
      'EMBEDDER=openai needs EMBEDDING_MODEL (for example text-embedding-3-small or nomic-embed-text)',
    );
  }
  const workers =
    vars.WEB_CONCURRENCY === 'auto'
      ? Math.min(availableParallelism(), MAX_WORKERS)
      : Number(vars.WEB_CONCURRENCY ?? 1);
  const openai = { baseURL: vars.OPENAI_BASE_URL, apiKey: vars.OPENAI_API_KEY };
  const chatConfigured = Boolean(vars.OPENAI_API_KEY || vars.OPENAI_BASE_URL);
  return Object.freeze({
    port: vars.PORT,
    host: vars.HOST,
    indexDir: path.resolve(PROJECT_ROOT, vars.INDEX_DIR ?? DEFAULT_INDEX_DIR),
    sourceFile: path.resolve(PROJECT_ROOT, vars.SOURCE_FILE ?? DEFAULT_SOURCE_FILE),
    embedder:
      embedderKind === 'openai'
        ? {
            kind: 'openai' as const,
            model: vars.EMBEDDING_MODEL ?? '',
            dimensions: vars.EMBEDDING_DIMENSIONS,
          }
        : { kind: 'offline' as const },
    chatModel: chatConfigured ? { model: vars.CHAT_MODEL, ...openai } : null,
    modelTimeoutMs: vars.LLM_TIMEOUT_MS,
    openai,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    responseCacheSize: vars.RESPONSE_CACHE_SIZE,
    corsOrigins: vars.CORS_ORIGINS
      ? vars.CORS_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : [],
    trustProxy: vars.TRUST_PROXY,
    logLevel: vars.LOG_LEVEL,
    workers,
    // The URL may hold a password: it is never logged.
    redis: vars.REDIS_URL ? Object.freeze({ url: vars.REDIS_URL }) : null,
    insight: Object.freeze({
      questionLog: vars.QUESTION_LOG === 'on',
      retentionDays: vars.LOG_RETENTION_DAYS,
      store: vars.DATABASE_URL
        ? { kind: 'postgres' as const, url: vars.DATABASE_URL }
        : {
            kind: 'sqlite' as const,
            file: path.join(
              path.resolve(PROJECT_ROOT, vars.DATA_DIR ?? DEFAULT_DATA_DIR),
              SQLITE_FILE_NAME,
            ),
            ...(workers > 1 ? { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_IN_CLUSTER_MS } : {}),
          },
      adminToken: vars.ADMIN_TOKEN,
    }),
  });
}
