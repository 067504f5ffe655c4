import type { AnswerPolicy, FigureKind } from '../policy/answer-policy.ts';
import type { OutOfPlan } from '../query/out-of-plan.ts';
import type { NothingLeft } from '../query/question-analysis.ts';
import type { RetrievalHit, RetrievalResult } from '../retrieval/retrieval-types.ts';

/** What the assistant can do with a question, decided from retrieval and evidence (before any model is called). */
export type Answerability =
  | { kind: 'answer'; hits: RetrievalHit[] }
  /** The question names articles or parts the document does not have (第40条). */
  | { kind: 'missing-structure'; articles: number[]; parts: number[]; related: RetrievalHit[] }
  /** It asks for a figure, date or name the retrieved text does not give. */
  | { kind: 'no-figure'; related: RetrievalHit[] }
  /** Nothing retrieved addresses it. */
  | { kind: 'not-covered'; related: RetrievalHit[] }
  /** The request is outside what a plan can answer (real-time status, an errand, another place …): why, and related reading. */
  | { kind: 'out-of-plan'; reason: OutOfPlan; related: RetrievalHit[]; answersNearby: boolean }
  /** A follow-up that moves on (下一条, 具体怎么做, 还有吗) has nothing left: said so, nothing quoted or offered. */
  | { kind: 'nothing-left'; left: NothingLeft; related: RetrievalHit[] };

/** Out-of-plan requests that still seek information on a subject the plan may speak of (not chit-chat or role-play). */
const SEEKS_INFORMATION: ReadonlySet<OutOfPlan['kind']> = new Set([
  'realtime',
  'errand',
  'contact-recommendation',
  'other-place',
  'comparison',
]);

/** For a question asking for a figure: the articles about its subject, and the text of their best sentences. */
export interface FigureEvidence {
  topical: RetrievalHit[];
  /** The clauses of the best sentences that hold one of the question's specific words. */
  text: string;
  /** The best sentences whole: the scope of kinds whose answer spans clauses (a list named after its heading). */
  sentences: string;
}

export interface AnswerabilityInput {
  retrieval: RetrievalResult;
  /** The hits an answer may use (usableHits), empty when none. */
  usable: RetrievalHit[];
  /** Present when the question asks for a figure and names no article (gatherFigureEvidence). */
  figureEvidence?: FigureEvidence;
  /** What the analysis found left for a follow-up that moves on: nothing (下一条 after the last article). */
  nothingLeft?: NothingLeft;
  /** The message asks for more than was said (还有吗): when no other article answers, everything was said. */
  asksForMore?: boolean;
  /** The question is outside what the plan can answer, known from the question alone (analysis). */
  outOfPlan?: OutOfPlan;
}

/**
 * Answer, or say why not: nothing left for a follow-up that moves on, a request the plan cannot answer by its nature
 * or about another place, a missing article or part, a figure the document does not give, or nothing relevant. Pure.
 */
export function decideAnswerability(
  input: AnswerabilityInput,
  policy: AnswerPolicy,
): Answerability {
  const { retrieval, usable: hits, figureEvidence } = input;
  if (input.nothingLeft) return { kind: 'nothing-left', left: input.nothingLeft, related: [] };
  if (input.asksForMore && hits.length === 0)
    return { kind: 'nothing-left', left: { kind: 'no-more' }, related: [] };
  // Only articles that share something with the question are offered as related reading.
  const related = retrieval.hits
    .filter(
      (hit) =>
        hit.article !== null &&
        (hit.via === 'structure' || hit.coverage > 0 || hit.matchesExpansion),
    )
    .slice(0, policy.answerability.related);
  // Decided before anything else the retrieval found: sharing words with the plan does not make it the plan's.
  // What the plan says nearby is offered as related, never as the answer: the articles that would have answered a
  // plain question on the same subject (usable hits), for requests that seek information at all.
  if (input.outOfPlan) {
    const answersNearby = hits.length > 0 && SEEKS_INFORMATION.has(input.outOfPlan.kind);
    return {
      kind: 'out-of-plan',
      reason: input.outOfPlan,
      related: answersNearby ? hits.slice(0, policy.answerability.related) : related,
      answersNearby,
    };
  }
  const { missingArticles, missingParts } = retrieval.named;
  if (
    (missingArticles.length > 0 || missingParts.length > 0) &&
    hits.every((hit) => hit.via !== 'structure')
  ) {
    return { kind: 'missing-structure', articles: missingArticles, parts: missingParts, related };
  }
  const structural = hits.some((hit) => hit.via === 'structure');
  const asked = structural ? [] : retrieval.analyzed.figureKinds;
  if (asked.length > 0) {
    // A figure question whose subject the document does discuss (碳达峰) is told what it says, even on weaker matches.
    const topical = figureEvidence?.topical ?? [];
    if (topical.length === 0 || asked.every((figure) => !figure.quoteRelated))
      return { kind: 'not-covered', related };
    const read = (figure: FigureKind) =>
      (figure.scope === 'sentence' ? figureEvidence?.sentences : figureEvidence?.text) ?? '';
    if (!asked.some((figure) => figure.evidence.test(read(figure))))
      return { kind: 'no-figure', related: topical };
  }
  if (hits.length === 0) return { kind: 'not-covered', related };
  return { kind: 'answer', hits };
}
