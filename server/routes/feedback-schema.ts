import { z } from 'zod';
import { FEEDBACK_RATINGS, MAX_FEEDBACK_COMMENT_CHARS } from '../../core/wire/insight-wire.ts';

/** An answerId is the UUID a chat answer carried; anything else cannot name an answer. */
const ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** POST /api/feedback body. */
export const FeedbackRequestSchema = z.strictObject({
  answerId: z
    .string({ error: 'answerId must be a string' })
    .regex(ANSWER_ID, 'answerId must be the answerId of a chat answer'),
  rating: z.enum(FEEDBACK_RATINGS, { error: 'rating must be "up" or "down"' }),
  comment: z
    .string({ error: 'comment must be a string' })
    .max(
      MAX_FEEDBACK_COMMENT_CHARS,
      `comment must be at most ${MAX_FEEDBACK_COMMENT_CHARS} characters`,
    )
    .transform((comment) => comment.trim() || null)
    .optional(),
});

export type FeedbackRequestBody = z.infer<typeof FeedbackRequestSchema>;
