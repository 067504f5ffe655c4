import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import { rateLimit, type Store } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { PlanDocument } from '../core/document-model.ts';
import type { IndexManifest } from '../ingest/indexing/index-manifest.ts';
import type { ChatService } from './chat/chat-service.ts';
import type { AnswerPolicy } from './policy/answer-policy.ts';
import { loadAnswerPolicy } from './policy/load-answer-policy.ts';
import { AppError } from './errors.ts';
import type { Glossary } from './glossary/glossary.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import type { HybridRetriever } from './retrieval/hybrid-retriever.ts';
import { articlesRoute } from './routes/articles-route.ts';
import { chatRoute } from './routes/chat-route.ts';
import { glossaryRoute } from './routes/glossary-route.ts';
import { healthRoute } from './routes/health-route.ts';
import { searchRoute } from './routes/search-route.ts';
import { topicsRoute } from './routes/topics-route.ts';
import type { TopicGuide } from './topics/topic-guide.ts';
import { studyRoute } from './routes/study-route.ts';
import { conversationExportRoute } from './routes/conversation-export-route.ts';
import type { Insight } from './insight/insight.ts';
import { adminRoute } from './routes/admin-route.ts';
import { feedbackRoute } from './routes/feedback-route.ts';
import type { SharedStatus } from './shared/shared-state.ts';

export interface AppDeps {
  retriever: HybridRetriever;
  document: PlanDocument;
  manifest: IndexManifest;
  chat: ChatService;
  /** The answer policy the chat service was built with (templates for notices and exports); loadAnswerPolicy() when absent. */
  policy?: AnswerPolicy;
  logger: Logger;
  /** Requests per minute per client IP on /api; 0 turns the limit off. */
  rateLimitPerMinute: number;
  corsOrigins: string[];
  trustProxy?: string;
  /** The built web page; not served when absent (API-only tests). */
  webDir?: string;
  /** The residents' life-topic guide (loadTopicGuide); /api/topics is mounted only when given. */
  topics?: TopicGuide;
  /** The plan's glossary (loadGlossary); /api/glossary is mounted only when given. */
  glossary?: Glossary;
  /** The question log (openInsight): answerIds, /api/feedback and, with its admin token, /admin. */
  insight?: Insight | null;
  /** Where a rate limiter (named by `prefix`) counts, shared by workers and instances (SharedState); in memory when absent. */
  rateLimitStore?: (prefix: string) => Store | undefined;
  /** The worker and the Redis connection, reported by /healthz (SharedState.status). */
  sharedStatus?: () => SharedStatus;
}

const BODY_LIMIT = '64kb';

/** Builds the Express application; listening is the caller's business (see main.ts), so tests run it in-process. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  const policy = deps.policy ?? loadAnswerPolicy();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', deps.trustProxy);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (request, response) => {
        const incoming = request.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
    }),
  );
  // Served over plain http on localhost by default: no HSTS and no upgrade-insecure-requests, which would break it.
  app.use(
    helmet({
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  if (deps.corsOrigins.length > 0) app.use('/api', cors({ origin: deps.corsOrigins }));
  if (deps.rateLimitPerMinute > 0) {
    app.use(
      '/api',
      rateLimit({
        windowMs: 60_000,
        limit: deps.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        store: deps.rateLimitStore?.('api'),
        // A shared store that is down (Redis) lets requests through rather than failing them: chat keeps
        // answering, unlimited, until it returns. The outage is logged once by the store's connection.
        passOnStoreError: true,
        logger: storeErrorLogger(deps.logger),
        handler: (_request, _response, next) =>
          next(
            new AppError(
              'rate_limited',
              429,
              'too many requests; please wait a minute and try again',
            ),
          ),
      }),
    );
  }
  // Before the app's JSON parser: a conversation export parses its own, larger body.
  app.use(conversationExportRoute(deps.document, policy));
  app.use(express.json({ limit: BODY_LIMIT, type: 'application/json' }));

  app.use(
    healthRoute(deps.manifest, deps.chat.provider, () => ({
      ...(deps.sharedStatus?.() ?? { redis: 'off' as const }),
      responseCache: deps.chat.cacheStats(),
    })),
  );
  app.use(articlesRoute(deps.document));
  app.use(searchRoute(deps.retriever));
  app.use(chatRoute(deps.chat, deps.logger, policy.templates, deps.insight));
  if (deps.insight) app.use(feedbackRoute(deps.insight));
  mountAdmin(app, deps);
  if (deps.topics) app.use(topicsRoute(deps.topics));
  if (deps.glossary) app.use(glossaryRoute(deps.glossary));
  app.use(studyRoute(deps.document, deps.retriever, policy));
  if (deps.webDir && existsSync(deps.webDir))
    app.use(express.static(deps.webDir, { index: 'index.html', maxAge: '1h' }));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

/** /admin and /api/admin with the question log and ADMIN_TOKEN; otherwise 404, before the static files, and logged. */
function mountAdmin(app: Express, deps: AppDeps): void {
  const token = deps.insight?.adminToken;
  if (deps.insight && token) {
    app.use(
      adminRoute(deps.insight, token, deps.document, deps.webDir, deps.rateLimitStore?.('admin')),
    );
    return;
  }
  deps.logger.info(
    deps.insight
      ? 'ADMIN_TOKEN is not set: /admin and /api/admin are off'
      : 'the question log is off: /admin and /api/admin are off',
  );
  app.use(['/admin', '/api/admin'], notFoundHandler);
}

/**
 * express-rate-limit's own messages, in the app's log. Its store errors (one per request while Redis is down) are
 * debug: the store's connection warns once per outage. Its misconfiguration errors stay errors.
 */
function storeErrorLogger(logger: Logger): { error: LoggerFn; warn: LoggerFn } {
  return {
    error: (error, message) =>
      message?.includes('store')
        ? logger.debug({ err: error }, message)
        : logger.error({ err: error }, message ?? 'rate limiter misconfigured'),
    warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limiter warning'),
  };
}

type LoggerFn = (error: unknown, message?: string) => void;
