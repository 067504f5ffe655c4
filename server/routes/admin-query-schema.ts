import { z } from 'zod';
import { FEEDBACK_RATINGS } from '../../core/wire/insight-wire.ts';

const integer = (name: string, fallback: number, min: number, max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? fallback : Number(value)),
    z
      .number({ error: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`),
  );

/**
 * The query of every GET /api/admin/* report. `tz` is the page's Date.getTimezoneOffset() in minutes; `days` beyond
 * the retention period means all of it (the answer's `days` says how many were counted).
 */
export function adminQuerySchema(retentionDays: number, serverTimezoneOffset: number) {
  return z.object({
    days: integer('days', 30, 1, 36_500).transform((days) => Math.min(days, retentionDays)),
    tz: integer('tz', serverTimezoneOffset, -840, 840),
    limit: integer('limit', 100, 1, 1000),
    format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).default('json'),
  });
}

/** GET /api/admin/summary: which table the CSV holds (the JSON holds both). */
export const SummaryTableSchema = z.object({
  table: z.enum(['days', 'articles'], { error: 'table must be days or articles' }).default('days'),
});

/** GET /api/admin/feedback: only one rating, or both. */
export const FeedbackFilterSchema = z.object({
  rating: z.enum(FEEDBACK_RATINGS, { error: 'rating must be "up" or "down"' }).optional(),
});
