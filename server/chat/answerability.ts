import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataFile } from '../../ingest/project-paths.ts';
import type { RetrievalHit, RetrievalResult } from '../retrieval/retrieval-types.ts';

const RulesFile = z.object({
  minCoverage: z.number().min(0).max(1),
  breadthQuestion: z.string(),
  overviewPart: z.number().int(),
  figureKinds: z.array(z.object({ kind: z.string(), question: z.string(), evidence: z.string(), quoteRelated: z.boolean() })),
});

export interface AnswerRules {
  minCoverage: number;
  breadthQuestion: RegExp;
  overviewPart: number;
  figureKinds: Array<{ kind: string; question: RegExp; evidence: RegExp; quoteRelated: boolean }>;
}

let rules: AnswerRules | undefined;
export function loadAnswerRules(): AnswerRules {
  if (rules) return rules;
  const raw = RulesFile.parse(JSON.parse(readFileSync(dataFile('answer-rules.json'), 'utf8')));
  rules = {
    minCoverage: raw.minCoverage,
    breadthQuestion: new RegExp(raw.breadthQuestion),
    overviewPart: raw.overviewPart,
    figureKinds: raw.figureKinds.map((figure) => ({ ...figure, question: new RegExp(figure.question), evidence: new RegExp(figure.evidence) })),
  };
  return rules;
}

/** What the assistant can do with a question, decided from retrieval alone (before any model is called). */
export type Answerability =
  | { kind: 'answer'; hits: RetrievalHit[] }
  /** The question names articles or parts the document does not have (第40条). */
  | { kind: 'missing-structure'; articles: number[]; parts: number[]; related: RetrievalHit[] }
  /** It asks for a figure, date or name the retrieved text does not give. */
  | { kind: 'no-figure'; related: RetrievalHit[] }
  /** Nothing retrieved addresses it. */
  | { kind: 'not-covered'; related: RetrievalHit[] };

/** Further articles join the answer when they rank and cover the question nearly as well as the best one. */
const SECONDARY_SCORE_SHARE = 0.4;
const SECONDARY_COVERAGE_SHARE = 0.7;
/** A question that asks across the plan (哪些方面) accepts articles covering less of it. */
const BREADTH_COVERAGE_SHARE = 0.5;
const MAX_ARTICLES = 4;
/** Fused scores closer than this count as a tie. */
const TIE = 0.005;

/** Hits the answer may use: named ones, and ranked article hits close enough to the best one. */
export function usableHits(result: RetrievalResult, minCoverage: number, breadth = false, overviewPart?: number): RetrievalHit[] {
  const structural = result.hits.filter((hit) => hit.via === 'structure');
  if (structural.length > 0) return structural;
  // A hit qualifies when it covers enough of the question, or holds the plan's wording for its everyday words.
  const qualified = result.hits.filter((hit) => hit.article !== null && (hit.coverage >= minCoverage || hit.matchesExpansion));
  // On a tie, the article that treats the subject in detail goes before the overview part's summary of it.
  const overviewLast = (hit: RetrievalHit) => (hit.part === overviewPart ? 1 : 0);
  const ranked = [...qualified].sort((left, right) => (Math.abs(left.score - right.score) < TIE ? overviewLast(left) - overviewLast(right) : 0) || right.score - left.score);
  const [best] = ranked;
  if (!best) return [];
  // When the best article's title names the question's subject (教育方面呢 → 办好人民满意教育), others must match as fully.
  const ownWords = result.queryTerms.filter((term) => term.weight === 1 && term.token.length > 1).map((term) => term.token);
  const subjectInTitle = ownWords.some((word) => best.title.includes(word));
  // Further articles only when they match about as well as the best one, in rank and in how much of the question they cover.
  const secondary = ranked.slice(1).filter(
    (hit) =>
      hit.score >= best.score * SECONDARY_SCORE_SHARE &&
      hit.coverage >= Math.max(minCoverage, best.coverage * (breadth ? BREADTH_COVERAGE_SHARE : SECONDARY_COVERAGE_SHARE)) &&
      // When the best article answers through the plan's wording for an everyday phrase, so must the others.
      (!best.matchesExpansion || hit.matchesExpansion) &&
      (!subjectInTitle || hit.coverage >= best.coverage || ownWords.some((word) => hit.title.includes(word))) &&
      (hit.part !== overviewPart || best.part === overviewPart),
  );
  return [best, ...secondary].slice(0, MAX_ARTICLES);
}

export function decideAnswerability(result: RetrievalResult, evidenceText: (hits: RetrievalHit[]) => string, config: AnswerRules = loadAnswerRules()): Answerability {
  // Only articles that share something with the question are offered as related reading.
  const related = result.hits.filter((hit) => hit.article !== null && (hit.via === 'structure' || hit.coverage > 0 || hit.matchesExpansion)).slice(0, 3);
  const { missingArticles, missingParts } = result.named;
  const hits = usableHits(result, config.minCoverage, config.breadthQuestion.test(result.focusedQuery), config.overviewPart);
  if ((missingArticles.length > 0 || missingParts.length > 0) && hits.every((hit) => hit.via !== 'structure')) {
    return { kind: 'missing-structure', articles: missingArticles, parts: missingParts, related };
  }
  const structural = hits.some((hit) => hit.via === 'structure');
  const asked = structural ? [] : config.figureKinds.filter((figure) => figure.question.test(result.focusedQuery));
  if (asked.length > 0) {
    // A figure question whose subject the document does discuss (碳达峰) is told what it says, even on weaker matches.
    const topical = hits.length > 0 ? hits : usableHits(result, config.minCoverage / 2);
    if (topical.length === 0 || asked.every((figure) => !figure.quoteRelated)) return { kind: 'not-covered', related };
    if (!asked.some((figure) => figure.evidence.test(evidenceText(topical)))) return { kind: 'no-figure', related: topical };
  }
  if (hits.length === 0) return { kind: 'not-covered', related };
  return { kind: 'answer', hits };
}
