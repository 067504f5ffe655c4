import type { Audience } from './chat-wire.ts';

/** The two votes a reader can give an answer: 有帮助 / 没帮助. */
export const FEEDBACK_RATINGS = ['up', 'down'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
export const MAX_FEEDBACK_COMMENT_CHARS = 500;

/** POST /api/feedback body: one vote per answer; a second vote replaces the first. */
export interface FeedbackRequest {
  answerId: string;
  rating: FeedbackRating;
  comment?: string;
}

/** GET /api/admin/summary: questions per day and mode, the articles asked about most, feedback counts. */
export interface AdminSummary {
  /** The first day counted (YYYY-MM-DD, in the requested time zone) and how many days. */
  since: string;
  days: number;
  totals: { questions: number; answered: number };
  byMode: Record<Audience, { questions: number; answered: number }>;
  perDay: Array<{ date: string; mode: Audience; questions: number; answered: number }>;
  topArticles: Array<{ article: number; title: string; questions: number }>;
  feedback: { up: number; down: number };
}

/** GET /api/admin/unanswered: refused questions grouped by their key words, most frequent first. */
export interface UnansweredGroup {
  /** The group's most frequent wording. */
  question: string;
  count: number;
  keywords: string[];
  /** Other wordings in the group, most frequent first (at most a few). */
  variants: string[];
  mode: Audience;
  lastAskedAt: string;
}

/** GET /api/admin/feedback: one vote on one answer, newest first. */
export interface FeedbackItem {
  answerId: string;
  question: string;
  mode: Audience;
  answered: boolean;
  rating: FeedbackRating;
  comment: string | null;
  ratedAt: string;
}
