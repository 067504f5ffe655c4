import { AUDIENCES, type Audience } from '../../core/wire/chat-wire.ts';
import type {
  AdminSummary,
  FeedbackItem,
  FeedbackRating,
  UnansweredGroup,
} from '../../core/wire/insight-wire.ts';
import type { DayCount, StoredFeedback, UnansweredWording } from './insight-store.ts';

const DAY_MS = 86_400_000;
/** Wordings listed beside a group's most frequent one. */
const MAX_VARIANTS = 5;

/** The reporting window: `days` whole days up to today, in a time zone `utcOffsetMs` ahead of UTC. */
export interface ReportWindow {
  days: number;
  utcOffsetMs: number;
  /** Days since the epoch of the first day counted, in that time zone. */
  firstDay: number;
  /** The first millisecond counted (UTC). */
  since: number;
}

export function reportWindow(now: number, days: number, utcOffsetMs: number): ReportWindow {
  const firstDay = Math.floor((now + utcOffsetMs) / DAY_MS) - (days - 1);
  return { days, utcOffsetMs, firstDay, since: firstDay * DAY_MS - utcOffsetMs };
}

/** YYYY-MM-DD of a day number (days since the epoch in the window's time zone). */
export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function summarize(
  window: ReportWindow,
  perDay: readonly DayCount[],
  topArticles: ReadonlyArray<{ article: number; questions: number }>,
  feedback: Record<FeedbackRating, number>,
  titleOf: (article: number) => string,
): AdminSummary {
  const byMode = Object.fromEntries(
    AUDIENCES.map((mode) => [mode, { questions: 0, answered: 0 }]),
  ) as AdminSummary['byMode'];
  for (const row of perDay) {
    const counts = byMode[row.mode];
    if (!counts) continue;
    counts.questions += row.questions;
    counts.answered += row.answered;
  }
  const totals = Object.values(byMode).reduce(
    (sum, counts) => ({
      questions: sum.questions + counts.questions,
      answered: sum.answered + counts.answered,
    }),
    { questions: 0, answered: 0 },
  );
  return {
    since: dayDate(window.firstDay),
    days: window.days,
    totals,
    byMode,
    perDay: perDay.map((row) => ({
      date: dayDate(row.day),
      mode: row.mode,
      questions: row.questions,
      answered: row.answered,
    })),
    topArticles: topArticles.map((row) => ({ ...row, title: titleOf(row.article) })),
    feedback,
  };
}

/** How many questions cited each article, most cited first (ties by article number); the first `limit`. */
export function countArticles(
  cited: ReadonlyArray<readonly number[]>,
  limit: number,
): Array<{ article: number; questions: number }> {
  const counts = new Map<number, number>();
  for (const articles of cited)
    for (const article of new Set(articles)) counts.set(article, (counts.get(article) ?? 0) + 1);
  return [...counts.entries()]
    .map(([article, questions]) => ({ article, questions }))
    .sort((a, b) => b.questions - a.questions || a.article - b.article)
    .slice(0, limit);
}

/**
 * Refused questions grouped by their key words, most frequent first; each group is named by its most frequent
 * wording and asked in its most frequent mode (the mode a replay uses).
 */
export function groupUnanswered(
  wordings: readonly UnansweredWording[],
  keywordsOf: (question: string) => string[],
  limit: number,
): UnansweredGroup[] {
  const groups = new Map<string, Array<UnansweredWording & { keywords: string[] }>>();
  for (const wording of wordings) {
    const keywords = keywordsOf(wording.question);
    const key = keywords.join(' ');
    const members = groups.get(key) ?? [];
    members.push({ ...wording, keywords });
    groups.set(key, members);
  }
  return [...groups.values()]
    .map((members) => {
      const texts = tally(members, (member) => member.question);
      const modes = tally(members, (member) => member.mode);
      return {
        question: texts[0] ?? '',
        count: members.reduce((sum, member) => sum + member.asked, 0),
        keywords: members[0]?.keywords ?? [],
        variants: texts.slice(1, 1 + MAX_VARIANTS),
        mode: (modes[0] ?? 'staff') as Audience,
        lastAskedAt: new Date(Math.max(...members.map((m) => m.lastAskedAt))).toISOString(),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt))
    .slice(0, limit);
}

/** The distinct values of `key`, most asked first (ties: first seen first). */
function tally(
  members: readonly UnansweredWording[],
  key: (member: UnansweredWording) => string,
): string[] {
  const counts = new Map<string, number>();
  for (const member of members)
    counts.set(key(member), (counts.get(key(member)) ?? 0) + member.asked);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

export function feedbackItems(stored: readonly StoredFeedback[]): FeedbackItem[] {
  return stored.map((vote) => ({
    answerId: vote.answerId,
    question: vote.question,
    mode: vote.mode,
    answered: vote.answered,
    rating: vote.rating,
    comment: vote.comment,
    ratedAt: new Date(vote.ratedAt).toISOString(),
  }));
}
