import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { RetrievalHit, RetrievalResult } from '../retrieval/retrieval-types.ts';
import { usableHits } from '../retrieval/usable-hits.ts';
import type { FigureEvidence } from './decide-answerability.ts';
import { bestSentences, type EvidenceQuery } from './select-evidence.ts';

/**
 * For a question that asks for a figure, date or contact and names no article: the articles about its subject (the
 * usable hits, or weaker matches) and their best sentences, in which the decision looks for such a figure.
 */
export function gatherFigureEvidence(
  retrieval: RetrievalResult,
  usable: RetrievalHit[],
  query: EvidenceQuery,
  doc: PlanDocument,
  policy: AnswerPolicy,
): FigureEvidence | undefined {
  if (retrieval.analyzed.figureKinds.length === 0 || usable.some((hit) => hit.via === 'structure'))
    return undefined;
  const rules = policy.answerability;
  const topical =
    usable.length > 0
      ? usable
      : usableHits(retrieval, rules, {
          minCoverage: rules.minCoverage * rules.figureCoverageShare,
          overviewAware: false,
        });
  const text = topical
    .flatMap((hit) => {
      const article = hit.article === null ? undefined : articleByNumber(doc, hit.article);
      return article ? bestSentences(article, query, rules.figureEvidenceSentences) : [];
    })
    .map((evidence) => evidence.sentence.text)
    .join('');
  return { topical, text };
}
