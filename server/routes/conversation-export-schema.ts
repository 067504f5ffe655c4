import { z } from 'zod';
import { AUDIENCES } from '../../core/wire/chat-wire.ts';
import type { ConversationExportRequest } from '../../core/wire/conversation-export-wire.ts';
import { MAX_HISTORY_CONTENT_CHARS, MAX_MESSAGE_CHARS } from './chat-schema.ts';

/** The page keeps at most 200 messages; an export holds at most those. */
export const MAX_EXPORT_MESSAGES = 200;
const MAX_CITATIONS = 30;
const MAX_QUOTE_CHARS = 2000;

const ArticleNumber = z.number({ error: 'article must be a number' }).int().min(1).max(999);

const Question = z.object({
  role: z.literal('user'),
  content: z
    .string({ error: 'a question must be a string' })
    .max(MAX_MESSAGE_CHARS, `a question must be at most ${MAX_MESSAGE_CHARS} characters`),
});

const Answer = z.object({
  role: z.literal('assistant'),
  content: z
    .string({ error: 'an answer must be a string' })
    .max(
      MAX_HISTORY_CONTENT_CHARS,
      `an answer must be at most ${MAX_HISTORY_CONTENT_CHARS} characters`,
    ),
  status: z.enum(['streaming', 'done', 'stopped', 'error'], {
    error: 'status must be streaming, done, stopped or error',
  }),
  answered: z.boolean({ error: 'answered must be true or false' }),
  citations: z
    .array(
      z.object({
        article: ArticleNumber,
        quote: z.string().min(1, 'a quote must not be empty').max(MAX_QUOTE_CHARS),
      }),
      { error: 'citations must be an array of {article, quote}' },
    )
    .max(MAX_CITATIONS, `an answer may carry at most ${MAX_CITATIONS} citations`),
  related: z
    .array(z.object({ article: ArticleNumber }), { error: 'related must be an array of {article}' })
    .max(MAX_CITATIONS)
    .default([]),
  provider: z.string().max(200).default(''),
});

/** POST /api/conversation/export body: the conversation as the page holds it (extra fields are ignored). */
export const ConversationExportSchema = z.object({
  mode: z
    .enum(AUDIENCES, { error: `mode must be one of ${AUDIENCES.join(', ')}` })
    .default('staff'),
  messages: z
    .array(z.discriminatedUnion('role', [Question, Answer]), {
      error: 'messages must be an array of questions and answers',
    })
    .min(1, 'messages must not be empty')
    .max(MAX_EXPORT_MESSAGES, `messages may hold at most ${MAX_EXPORT_MESSAGES} entries`),
}) satisfies z.ZodType<ConversationExportRequest, unknown>;

export type ConversationExport = z.infer<typeof ConversationExportSchema>;
