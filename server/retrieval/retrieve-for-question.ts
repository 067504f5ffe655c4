import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { QuestionAnalysis, RetrievalAttempt } from '../query/question-analysis.ts';
import type { HybridRetriever } from './hybrid-retriever.ts';
import type { RetrievalHit, RetrievalResult } from './retrieval-types.ts';
import { usableHits } from './usable-hits.ts';

/** What retrieval found for a question, and the hits an answer may use (empty when none). */
export interface QuestionRetrieval {
  retrieval: RetrievalResult;
  usable: RetrievalHit[];
}

/** Runs the analysis' retrieval attempts in order and stops at the first that finds usable hits (else the last). */
export async function retrieveForQuestion(
  retriever: HybridRetriever,
  analysis: QuestionAnalysis,
  policy: AnswerPolicy,
  signal?: AbortSignal,
): Promise<QuestionRetrieval> {
  let found: QuestionRetrieval | undefined;
  for (const attempt of analysis.attempts) {
    const retrieval = await runAttempt(retriever, attempt, signal);
    found = {
      retrieval,
      usable: usableHits(retrieval, policy.answerability, {
        breadth: attempt.text.breadth,
        // 还有吗 (what was cited is excluded) asks for further measures, which the overview part only summarises.
        overviewAfterAll: attempt.kind === 'search' && (attempt.excludeArticles?.length ?? 0) > 0,
      }),
    };
    if (found.usable.length > 0) return found;
  }
  if (!found) throw new Error('a question analysis must hold at least one retrieval attempt');
  return found;
}

async function runAttempt(
  retriever: HybridRetriever,
  attempt: RetrievalAttempt,
  signal?: AbortSignal,
): Promise<RetrievalResult> {
  if (attempt.kind === 'articles') return retriever.articleHits(attempt.text, attempt.articles);
  const result = await retriever.retrieve(attempt.text, {
    k: attempt.searchK ?? attempt.k,
    restrictToArticles: attempt.restrictToArticles,
    signal,
  });
  if (!attempt.excludeArticles) return result;
  const excluded = new Set(attempt.excludeArticles);
  return {
    ...result,
    hits: result.hits
      .filter((hit) => hit.article === null || !excluded.has(hit.article))
      .slice(0, attempt.k),
  };
}
