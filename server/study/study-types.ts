import { z } from 'zod';
import type { Citation } from '../chat/chat-types.ts';

export const MAX_QUIZ_QUESTIONS = 30;

/** POST /api/study body: exactly one of part, articles or topic. */
export const StudyRequestSchema = z
  .strictObject({
    part: z.number({ error: 'part must be a number from 1 to 10' }).int().min(1).max(10).optional(),
    articles: z.array(z.number().int().min(1).max(999), { error: 'articles must be an array of article numbers' }).min(1, 'articles must not be empty').max(36).optional(),
    topic: z.string().trim().min(1, 'topic must not be empty').max(100, 'topic must be at most 100 characters').optional(),
    questions: z.number({ error: 'questions must be a number' }).int().min(0).max(MAX_QUIZ_QUESTIONS).default(6),
  })
  .refine((body) => [body.part, body.articles, body.topic].filter((value) => value !== undefined).length === 1, {
    message: 'give exactly one of part, articles or topic',
  });

export type StudyRequest = z.infer<typeof StudyRequestSchema>;

export interface StudyPoint {
  quote: string;
  citation: Citation;
}

export interface StudyOutlineItem {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  points: StudyPoint[];
}

export interface KeyTerm {
  term: string;
  article: number;
  /** The sentence that uses or enumerates the term, verbatim. */
  quote: string;
}

export interface DiscussionQuestion {
  question: string;
  articles: number[];
}

export interface QuizItem {
  id: string;
  type: 'fill-blank' | 'multiple-choice';
  prompt: string;
  /** For multiple choice: the options in display order (A, B, C, D). */
  options?: string[];
  answer: string;
  article: number;
  /** The sentence the item is built from, verbatim; the answer occurs in it. */
  quote: string;
}

/** A study pack: outline, key terms, discussion questions and a quiz, every piece tied to an article. */
export interface StudyPack {
  title: string;
  selection: { kind: 'part' | 'articles' | 'topic'; part?: number; topic?: string; articles: number[] };
  outline: StudyOutlineItem[];
  keyTerms: KeyTerm[];
  discussion: DiscussionQuestion[];
  quiz: QuizItem[];
  provider: string;
}
