import type { CitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { parseNumeral } from '../../core/numerals.ts';
import { partByNumber } from '../../core/plan-lookup.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import type { FollowUpCues, QueryFraming } from '../policy/answer-policy.ts';
import { quotedSentences } from './already-quoted.ts';
import { parseStructuralReference } from './structural-reference.ts';

/** How a message continues its conversation, resolved deterministically (the offline carry-over). */
export interface FollowUp {
  /**
   * standalone: a question of its own; ordinal: 第二个; adjacent: 下一条 / 上一条; more: 还有吗; elaborate: 具体怎么做
   * (the same articles, new sentences); deictic: 这一条还讲了什么.
   */
  kind: 'standalone' | 'ordinal' | 'adjacent' | 'more' | 'elaborate' | 'deictic';
  /** The text to search: the message, or for 还有吗 the question it continues. */
  query: string;
  /** Articles resolved outright (the n-th article of the part just discussed, the next article). */
  directArticles?: number[];
  /** The n-th main goal, when the conversation was about the goals. */
  goalOrdinal?: number;
  /** The articles the previous answer cited, for 这一条 and 具体怎么做 (search only inside them). */
  restrictToArticles?: number[];
  /** The articles already cited, for 还有吗 (search around them). */
  excludeArticles?: number[];
  /** The previous question, to be searched together with a short message that finds nothing alone. */
  previousQuestion?: string;
  /** 下一条 / 上一条: the article moved from, the direction, and the article moved to (null past either end). */
  adjacent?: { from: number; direction: 'next' | 'previous'; to: number | null };
  /** 具体怎么做: the sentences of the cited articles that the answers so far quoted, verbatim; not quoted again. */
  alreadyQuoted?: string[];
}

export interface FollowUpRules {
  cues: FollowUpCues;
  marker: CitationMarker;
  framing: QueryFraming;
  goalsQuestion: RegExp;
}

/** Resolves 第二个 / 下一条 / 还有吗 / 具体怎么做 / 这一条 / short follow-ups against the conversation so far. Pure. */
export function resolveFollowUp(
  message: string,
  history: readonly ChatTurn[],
  doc: PlanDocument,
  rules: FollowUpRules,
): FollowUp {
  const previousUser = [...history].reverse().find((turn) => turn.role === 'user');
  const previousAnswer = [...history].reverse().find((turn) => turn.role === 'assistant');
  if (!previousUser && !previousAnswer) return { query: message, kind: 'standalone' };
  const { cues } = rules;
  const text = cueText(message);
  const cited = previousAnswer ? rules.marker.citedArticles(previousAnswer.content) : [];
  const previousQuestion = previousUser?.content;

  const ordinal = text.length <= cues.maxOrdinalLength ? cues.ordinal.exec(text) : null;
  if (ordinal) {
    const resolved = resolveOrdinal(
      ordinal[3] ?? '',
      Boolean(ordinal[5]),
      history,
      cited,
      doc,
      rules,
    );
    if (resolved) return { query: message, kind: 'ordinal', previousQuestion, ...resolved };
  }
  const direction = cues.nextArticle.test(text)
    ? 'next'
    : cues.previousArticle.test(text)
      ? 'previous'
      : null;
  const adjacent = direction ? adjacentArticle(cited, direction, doc) : null;
  if (adjacent) {
    return {
      query: message,
      kind: 'adjacent',
      previousQuestion,
      adjacent,
      ...(adjacent.to === null ? {} : { directArticles: [adjacent.to] }),
    };
  }
  // 还有吗 asks for more of the same, unless a question of its own follows it (还有吗？安全生产方面呢): that one is asked.
  const more = cues.more.exec(text);
  if (more && !asksOnAfter(text.slice(more[0].length))) {
    // 还有吗 after 还有吗 continues the same question, away from every article cited since it was asked.
    const thread = threadOf(history, (turn) => cues.more.test(cueText(turn)));
    if (thread.question) {
      const answered = citedIn(thread.answers, rules.marker);
      return {
        query: thread.question,
        kind: 'more',
        excludeArticles: answered,
        previousQuestion: thread.question,
        // When no other article answers, what the cited ones say on it and no answer has quoted yet.
        alreadyQuoted: quotedSentences(doc, answered, thread.answers, rules.marker),
      };
    }
  }
  if (cues.elaborate.test(text)) {
    // 具体怎么做 after 具体说说 stays with the same question and never quotes what any answer since quoted.
    const thread = threadOf(history, (turn) => cues.elaborate.test(cueText(turn)));
    const articles = citedIn(thread.answers, rules.marker);
    if (articles.length > 0)
      return {
        query: message,
        kind: 'elaborate',
        restrictToArticles: articles,
        previousQuestion: thread.question,
        alreadyQuoted: quotedSentences(doc, articles, thread.answers, rules.marker),
      };
  }
  if (cues.deictic.test(text) && cited.length > 0) {
    return { query: message, kind: 'deictic', restrictToArticles: cited, previousQuestion };
  }
  return {
    query: message,
    kind: 'standalone',
    previousQuestion: text.length <= cues.shortFollowUpLength ? previousQuestion : undefined,
  };
}

/** 第二个 / 最后一条: the n-th article of the part last asked about, else the n-th goal, else the n-th cited article. */
function resolveOrdinal(
  rawOrdinal: string,
  saysGoal: boolean,
  history: readonly ChatTurn[],
  cited: number[],
  doc: PlanDocument,
  rules: FollowUpRules,
): Pick<FollowUp, 'directArticles' | 'goalOrdinal'> | null {
  const userTurns = history.filter((turn) => turn.role === 'user').reverse();
  const last = rawOrdinal === '最后一';
  const position = last ? -1 : (parseNumeral(rawOrdinal) ?? 0);
  if (!last && position < 1) return null;
  const goalsArticle = doc.mainGoals[0]?.articleNumber;
  const aboutGoals = saysGoal || rules.goalsQuestion.test(userTurns[0]?.content ?? '');
  if (aboutGoals && goalsArticle !== undefined) {
    const count = doc.mainGoals.length;
    const index = last ? count : position;
    if (index >= 1 && index <= count) return { directArticles: [goalsArticle], goalOrdinal: index };
  }
  for (const turn of userTurns) {
    const [partNumber] = parseStructuralReference(turn.content, doc, rules.framing).mentionedParts;
    const part = partNumber === undefined ? undefined : partByNumber(doc, partNumber);
    if (part) {
      const article = last ? part.articleNumbers.at(-1) : part.articleNumbers[position - 1];
      return article === undefined ? null : { directArticles: [article] };
    }
  }
  const article = last ? cited.at(-1) : cited[position - 1];
  return article === undefined ? null : { directArticles: [article] };
}

/**
 * The article after the last one cited (下一条) or before the first (上一条), in the document's order; `to` is null
 * past either end. Null when no cited article is in the document.
 */
function adjacentArticle(
  cited: number[],
  direction: 'next' | 'previous',
  doc: PlanDocument,
): NonNullable<FollowUp['adjacent']> | null {
  const numbers = doc.articles.map((article) => article.number);
  const positions = cited.map((article) => numbers.indexOf(article)).filter((index) => index >= 0);
  if (positions.length === 0) return null;
  const from = direction === 'next' ? Math.max(...positions) : Math.min(...positions);
  const to = numbers[direction === 'next' ? from + 1 : from - 1] ?? null;
  return { from: numbers[from]!, direction, to };
}

/**
 * The question a run of follow-ups of one kind continues (the latest user turn that is not itself such a follow-up)
 * and the answers given since it was asked.
 */
function threadOf(
  history: readonly ChatTurn[],
  continues: (text: string) => boolean,
): { question?: string; answers: string[] } {
  const answers: string[] = [];
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const turn = history[index]!;
    if (turn.role === 'assistant') answers.unshift(turn.content);
    else if (!continues(turn.content)) return { question: turn.content, answers };
  }
  return { answers };
}

/** The articles cited in these answers, in order of first appearance. */
function citedIn(answers: readonly string[], marker: CitationMarker): number[] {
  return [...new Set(answers.flatMap((answer) => marker.citedArticles(answer)))];
}

/** A message as the cues read it: normalised, without its final punctuation. */
function cueText(message: string): string {
  return normalizeForMatch(message).replace(/[?？。.!！]+$/u, '');
}

/** Whether what follows a follow-up cue is a question of its own: a further sentence or clause of a few words. */
function asksOnAfter(rest: string): boolean {
  const clause = /^[^，,。？?！!；;]*[，,。？?！!；;]+(.{2,})$/u.exec(rest);
  return clause !== null && /[\p{Script=Han}a-z]{2}/u.test(clause[1] ?? '');
}
