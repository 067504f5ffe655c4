import { pino, type Logger } from 'pino';
import { loadConfig, type AppConfig } from '../config.ts';

/** What every library entry point takes: where its settings come from and where it logs. */
export interface PlanOptions {
  /**
   * Settings by their environment variable names (INDEX_DIR, SOURCE_FILE, EMBEDDER, EMBEDDING_MODEL, OPENAI_API_KEY,
   * OPENAI_BASE_URL, CHAT_MODEL, LLM_TIMEOUT_MS, …), validated as `npm start` validates them; process.env when absent.
   */
  env?: Record<string, string | undefined>;
  /** A pino logger (index building, model failures); silent when absent. */
  logger?: Logger;
}

export function planConfig(options: PlanOptions): Readonly<AppConfig> {
  return options.env ? loadConfig(options.env) : loadConfig();
}

export function planLogger(options: PlanOptions): Logger {
  return options.logger ?? pino({ level: 'silent' });
}

/** Runs `load` on first use and shares its promise; a load that failed is tried again on the next use. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
