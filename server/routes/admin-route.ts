import path from 'node:path';
import type { Store } from 'express-rate-limit';
import { Router, type Response } from 'express';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { limitFailedAttempts, requireBearerToken } from '../http/require-bearer-token.ts';
import type { Insight, ReportQuery } from '../insight/insight.ts';
import { toCsv, type CsvCell } from '../insight/to-csv.ts';
import {
  adminQuerySchema,
  FeedbackFilterSchema,
  SummaryTableSchema,
} from './admin-query-schema.ts';
import { validate } from './validate.ts';

const FAILED_ATTEMPTS = { limit: 20, windowMs: 15 * 60_000 };

/**
 * The staff insight page (/admin) and its data, GET /api/admin/summary | unanswered | feedback (JSON, or CSV with
 * ?format=csv). Every /api/admin request needs the ADMIN_TOKEN bearer token; failed attempts are rate-limited.
 */
export function adminRoute(
  insight: Insight,
  adminToken: string,
  document: PlanDocument,
  webDir?: string,
  /** Where failed attempts are counted (shared by workers and instances); in memory when absent. */
  failedAttemptsStore?: Store,
): Router {
  const router = Router();
  const querySchema = adminQuerySchema(
    insight.options.retentionDays,
    new Date().getTimezoneOffset(),
  );
  const titleOf = (article: number) => articleByNumber(document, article)?.title ?? '';

  if (webDir)
    router.get('/admin', (_request, response) => {
      response.sendFile(path.join(webDir, 'admin', 'index.html'));
    });
  router.use(
    '/api/admin',
    limitFailedAttempts({ ...FAILED_ATTEMPTS, store: failedAttemptsStore }),
    requireBearerToken(adminToken),
  );
  router.use('/api/admin', (_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/admin/summary', async (request, response) => {
    const { format, ...query } = validate(querySchema, request.query);
    const { table } = validate(SummaryTableSchema, request.query);
    const summary = await insight.summary(reportQuery(query), titleOf);
    if (format === 'json') return void response.json(summary);
    if (table === 'articles')
      return sendCsv(
        response,
        'top-articles',
        ['article', 'title', 'questions'],
        summary.topArticles.map((row) => [row.article, row.title, row.questions]),
      );
    sendCsv(
      response,
      'questions-per-day',
      ['date', 'mode', 'questions', 'answered', 'answered_share'],
      summary.perDay.map((row) => [
        row.date,
        row.mode,
        row.questions,
        row.answered,
        row.questions > 0 ? Number((row.answered / row.questions).toFixed(3)) : null,
      ]),
    );
  });

  router.get('/api/admin/unanswered', async (request, response) => {
    const { format, ...query } = validate(querySchema, request.query);
    const items = await insight.unanswered(reportQuery(query));
    if (format === 'json') return void response.json({ items });
    sendCsv(
      response,
      'unanswered',
      ['question', 'count', 'keywords', 'variants', 'mode', 'last_asked_at'],
      items.map((item) => [
        item.question,
        item.count,
        item.keywords.join(' '),
        item.variants.join(' | '),
        item.mode,
        item.lastAskedAt,
      ]),
    );
  });

  router.get('/api/admin/feedback', async (request, response) => {
    const { format, ...query } = validate(querySchema, request.query);
    const { rating } = validate(FeedbackFilterSchema, request.query);
    const items = await insight.feedback(reportQuery(query), rating ?? null);
    if (format === 'json') return void response.json({ items });
    sendCsv(
      response,
      'feedback',
      ['rated_at', 'rating', 'question', 'comment', 'mode', 'answered', 'answer_id'],
      items.map((item) => [
        item.ratedAt,
        item.rating,
        item.question,
        item.comment,
        item.mode,
        item.answered,
        item.answerId,
      ]),
    );
  });
  return router;
}

function reportQuery(query: { days: number; tz: number; limit: number }): ReportQuery {
  return { days: query.days, timezoneOffsetMinutes: query.tz, limit: query.limit };
}

function sendCsv(
  response: Response,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly CsvCell[]>,
): void {
  response.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(header, rows));
}
