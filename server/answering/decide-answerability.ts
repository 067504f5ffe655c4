import type { AnswerPolicy } from '../policy/answer-policy.ts';
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
  /** A follow-up that moves on (下一条, 具体怎么做, 还有吗) has nothing left: said so, nothing quoted or offered. */
  | { kind: 'nothing-left'; left: NothingLeft; related: RetrievalHit[] };

/** For a question asking for a figure: the articles about its subject, and the text of their best sentences. */
export interface FigureEvidence {
  topical: RetrievalHit[];
  text: string;
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
}

/**
 * Answer, or say why not: nothing left for a follow-up that moves on, a missing article or part, a figure the document
 * does not give, or nothing relevant. Pure.
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
    if (!asked.some((figure) => figure.evidence.test(figureEvidence?.text ?? '')))
      return { kind: 'no-figure', related: topical };
  }
  if (hits.length === 0) return { kind: 'not-covered', related };
  return { kind: 'answer', hits };
}
