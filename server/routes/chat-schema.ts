import { z } from 'zod';
import { AUDIENCES } from '../../core/wire/chat-wire.ts';

export const MAX_MESSAGE_CHARS = 1000;
export const MAX_HISTORY_TURNS = 20;
/** Previous answers come back in full from the page; the 64 KB body limit bounds the total. */
export const MAX_HISTORY_CONTENT_CHARS = 20_000;

/** POST /api/chat body. */
export const ChatRequestSchema = z
  .object({
    message: z
      .string({ error: 'message must be a string' })
      .refine((value) => value.trim().length > 0, 'message must not be empty')
      .refine(
        (value) => value.length <= MAX_MESSAGE_CHARS,
        `message must be at most ${MAX_MESSAGE_CHARS} characters`,
      ),
    history: z
      .array(
        z.strictObject({
          role: z.enum(['user', 'assistant'], {
            error: 'history role must be "user" or "assistant"',
          }),
          content: z
            .string({ error: 'history content must be a string' })
            .max(
              MAX_HISTORY_CONTENT_CHARS,
              `history content must be at most ${MAX_HISTORY_CONTENT_CHARS} characters`,
            ),
        }),
        { error: 'history must be an array of {role, content}' },
      )
      .max(MAX_HISTORY_TURNS, `history may hold at most ${MAX_HISTORY_TURNS} turns`)
      .default([]),
    mode: z
      .enum(AUDIENCES, { error: `mode must be one of ${AUDIENCES.join(', ')}` })
      .default('staff'),
  })
  .strict();

export type ChatRequestBody = z.infer<typeof ChatRequestSchema>;
