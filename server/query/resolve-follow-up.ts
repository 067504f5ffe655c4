import type { CitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { parseNumeral } from '../../core/numerals.ts';
import { partByNumber } from '../../core/plan-lookup.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import type { FollowUpCues, QueryFraming } from '../policy/answer-policy.ts';
import { parseStructuralReference } from './structural-reference.ts';

/** How a message continues its conversation, resolved deterministically (the offline carry-over). */
export interface FollowUp {
  kind: 'standalone' | 'ordinal' | 'more' | 'deictic';
  /** The text to search: the message, or for 还有吗 the question it continues. */
  query: string;
  /** Articles resolved outright (the n-th article of the part just discussed). */
  directArticles?: number[];
  /** The n-th main goal, when the conversation was about the goals. */
  goalOrdinal?: number;
  /** The articles the previous answer cited, for 这一条 (search only inside them). */
  restrictToArticles?: number[];
  /** The articles already cited, for 还有吗 (search around them). */
  excludeArticles?: number[];
  /** The previous question, to be searched together with a short message that finds nothing alone. */
  previousQuestion?: string;
}

export interface FollowUpRules {
  cues: FollowUpCues;
  marker: CitationMarker;
  framing: QueryFraming;
  goalsQuestion: RegExp;
}

/** Resolves 第二个 / 还有吗 / 这一条 / short follow-ups against the conversation so far. Pure. */
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
  const text = normalizeForMatch(message).replace(/[?？。!！]+$/u, '');
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
  if (cues.more.test(text) && previousQuestion) {
    return { query: previousQuestion, kind: 'more', excludeArticles: cited, previousQuestion };
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
