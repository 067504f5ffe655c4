import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { splitClauses } from '../../core/split-clauses.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { RetrievalHit, RetrievalResult } from '../retrieval/retrieval-types.ts';
import { usableHits } from '../retrieval/usable-hits.ts';
import type { FigureEvidence } from './decide-answerability.ts';
import { bestSentences, type EvidenceQuery } from './select-evidence.ts';

/**
 * For a question that asks for a figure, date or contact and names no article: the articles about its subject (the
 * usable hits, or weaker matches) and, from their best sentences, the clauses that hold one of the question's words,
 * in which the decision looks for such a figure (and the whole sentences, for the kinds read at sentence scope). A figure answers only beside what was asked about: the 2005年 of
 * 2005年前建成的老旧小区 does not date 包银高铁乌海段全线贯通, a clause later in the same sentence.
 */
export function gatherFigureEvidence(
  retrieval: RetrievalResult,
  usable: RetrievalHit[],
  query: EvidenceQuery,
  doc: PlanDocument,
  policy: AnswerPolicy,
  questionWords: ReadonlyMap<string, number>,
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
  const asked = askedWords(query, questionWords, rules.subjectSpecificIdf);
  const sentences = topical
    .flatMap((hit) => {
      const article = hit.article === null ? undefined : articleByNumber(doc, hit.article);
      return article ? bestSentences(article, query, rules.figureEvidenceSentences) : [];
    })
    .map((evidence) => evidence.sentence.text);
  const text = sentences
    .flatMap(splitClauses)
    .filter((clause) => tokenize(clause).some((token) => asked.has(token)))
    .join('\n');
  return { topical, text, sentences: sentences.join('\n') };
}

/**
 * The words that name what the question asks about: its informative words (questionWords: not generic, two
 * characters or more) that are not the scene around the asking clause, and the specific ones when it has any
 * (生活圈, 高铁; not 建成, which 建成区 holds).
 */
function askedWords(
  query: EvidenceQuery,
  questionWords: ReadonlyMap<string, number>,
  specificIdf: number,
): ReadonlySet<string> {
  const words = query.terms
    .filter((term) => !term.scene && questionWords.has(term.token))
    .map((term) => term.token);
  const specific = words.filter((word) => (questionWords.get(word) ?? 0) >= specificIdf);
  return new Set(specific.length > 0 ? specific : words);
}
