import type { Express } from 'express';
import { createLogger } from '../create-logger.ts';
import { createPlanApp, type PlanAppOptions } from '../create-plan-app.ts';
import { planConfig, type PlanOptions } from './plan-options.ts';

export interface CreateAppOptions extends PlanOptions, PlanAppOptions {}

/**
 * The whole application as `npm start` serves it (API, and the chat page when built), ready for `listen()`, answering
 * with the given LangChain chat model. Logs at LOG_LEVEL unless given a logger. The in-process wiring it ends in is
 * server/app.ts's createApp(deps).
 */
export async function createApp(options: CreateAppOptions = {}): Promise<Express> {
  const config = planConfig(options);
  const logger = options.logger ?? createLogger(config.logLevel);
  return (await createPlanApp(config, logger, options)).app;
}
