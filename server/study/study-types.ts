import { z } from 'zod';

export const MAX_QUIZ_QUESTIONS = 30;

/** POST /api/study body: exactly one of part, articles or topic. */
export const StudyRequestSchema = z
  .strictObject({
    part: z.number({ error: 'part must be a number from 1 to 10' }).int().min(1).max(10).optional(),
    articles: z
      .array(z.number().int().min(1).max(999), {
        error: 'articles must be an array of article numbers',
      })
      .min(1, 'articles must not be empty')
      .max(36, 'articles may name at most 36 articles')
      .optional(),
    topic: z
      .string()
      .trim()
      .min(1, 'topic must not be empty')
      .max(100, 'topic must be at most 100 characters')
      .optional(),
    questions: z
      .number({ error: 'questions must be a number' })
      .int()
      .min(0)
      .max(MAX_QUIZ_QUESTIONS)
      .default(6),
  })
  .refine(
    (body) =>
      [body.part, body.articles, body.topic].filter((value) => value !== undefined).length === 1,
    {
      message: 'give exactly one of part, articles or topic',
    },
  );

export type StudyRequest = z.infer<typeof StudyRequestSchema>;

export type {
  DiscussionQuestion,
  KeyTerm,
  QuizItem,
  StudyOutlineItem,
  StudyPack,
  StudyPoint,
} from '../../core/wire/study-pack-wire.ts';
