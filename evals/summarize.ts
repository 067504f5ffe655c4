import { AUDIENCES, type Audience } from '../core/wire/chat-wire.ts';
import { CATEGORIES, MAIN_CATEGORIES } from './dataset.ts';
import type { ItemResult } from './evaluate-item.ts';
import { median } from './metrics/quote-metrics.ts';
import { mean, percentile } from './metrics/retrieval-metrics.ts';
import { HALVES, type Half } from './split.ts';

export interface Summary {
  n: number;
  hitAt1: number | null;
  hitAt3: number | null;
  hitAt5: number | null;
  recallAt5: number | null;
  mrr: number | null;
  ndcgAt5: number | null;
  citationValidity: number;
  citationPrecision: number | null;
  citationRecall: number | null;
  factCoverage: number | null;
  allFactsShare: number | null;
  unsupportedNumbers: number;
  /** Share of the unanswerable items (answerable: false, every category) that were refused. */
  outOfScopeRejection: number | null;
  /** Unanswerable items per kind: how many, and how many were refused. */
  refusalByKind: Record<string, { n: number; refused: number }>;
  /** The lowest refusal share over the kinds (null without unanswerable items). */
  weakestKindRefusal: number | null;
  falseRefusal: number | null;
  /** Share of the items that were answered (answered: true), whatever their category. */
  answeredShare: number;
  /** Items with facts: share whose first quote holds a key fact. */
  firstQuoteFact: number | null;
  /** Items with facts and quotes: mean share of an answer's quotes that hold a key fact. */
  quoteFactShare: number | null;
  /** Answered items: mean number of quoted passages. */
  quotesPerAnswer: number | null;
  /** Answered items: median answer length in characters, per mode the items were asked in. */
  medianAnswerChars: Record<Audience, number | null>;
  /** False-premise items: share whose answer says the claim is not the plan's or is to be checked. */
  premiseNoted: number | null;
  /** Answers whose "not in the document" note names a phrase the document does use. */
  falseAbsenceNotes: number;
  latencyMs: { retrieval: { p50: number; p95: number }; answer: { p50: number; p95: number } };
}

/** Mean of the values a metric has on these items; null when it applies to none of them. */
function average(
  results: ItemResult[],
  pick: (result: ItemResult) => number | null,
): number | null {
  const values = results.map(pick).filter((value): value is number => value !== null);
  return values.length === 0 ? null : mean(values);
}

export function summarize(results: ItemResult[]): Summary {
  const withFacts = results.filter((result) => result.factsTotal > 0);
  const factsTotal = withFacts.reduce((sum, result) => sum + result.factsTotal, 0);
  const unanswerable = results.filter((result) => !result.answerable);
  const refusalByKind: Record<string, { n: number; refused: number }> = {};
  for (const result of unanswerable) {
    const entry = (refusalByKind[result.refusalKind ?? result.category] ??= { n: 0, refused: 0 });
    entry.n += 1;
    if (!result.answered) entry.refused += 1;
  }
  const kindShares = Object.values(refusalByKind).map((entry) => entry.refused / entry.n);
  const answerable = results.filter((result) => result.answerable);
  const answered = results.filter((result) => result.answered);
  const medianAnswerChars = Object.fromEntries(
    AUDIENCES.map((mode) => [
      mode,
      median(answered.filter((result) => result.mode === mode).map((result) => result.answerChars)),
    ]),
  ) as Record<Audience, number | null>;
  return {
    n: results.length,
    hitAt1: average(results, (result) => result.hitAt1),
    hitAt3: average(results, (result) => result.hitAt3),
    hitAt5: average(results, (result) => result.hitAt5),
    recallAt5: average(results, (result) => result.recallAt5),
    mrr: average(results, (result) => result.mrr),
    ndcgAt5: average(results, (result) => result.ndcgAt5),
    citationValidity: average(results, (result) => result.citationValidity) ?? 1,
    citationPrecision: average(results, (result) => result.citationPrecision),
    citationRecall: average(results, (result) => result.citationRecall),
    factCoverage:
      factsTotal === 0
        ? null
        : withFacts.reduce((sum, result) => sum + result.factsFound, 0) / factsTotal,
    allFactsShare:
      withFacts.length === 0
        ? null
        : withFacts.filter((result) => result.factsFound === result.factsTotal).length /
          withFacts.length,
    unsupportedNumbers: results.filter((result) => result.unsupportedNumbers.length > 0).length,
    outOfScopeRejection:
      unanswerable.length === 0
        ? null
        : unanswerable.filter((result) => !result.answered).length / unanswerable.length,
    refusalByKind,
    weakestKindRefusal: kindShares.length === 0 ? null : Math.min(...kindShares),
    falseRefusal:
      answerable.length === 0
        ? null
        : answerable.filter((result) => !result.answered).length / answerable.length,
    answeredShare: results.length === 0 ? 0 : answered.length / results.length,
    firstQuoteFact: average(results, (result) => result.firstQuoteFact),
    quoteFactShare: average(results, (result) => result.quoteFactShare),
    quotesPerAnswer: answered.length === 0 ? null : mean(answered.map((result) => result.quotes)),
    medianAnswerChars,
    premiseNoted: average(results, (result) => result.premiseNoted),
    falseAbsenceNotes: results.filter((result) => result.falseAbsences.length > 0).length,
    latencyMs: {
      retrieval: {
        p50: percentile(
          results.map((result) => result.retrievalMs),
          50,
        ),
        p95: percentile(
          results.map((result) => result.retrievalMs),
          95,
        ),
      },
      answer: {
        p50: percentile(
          results.map((result) => result.answerMs),
          50,
        ),
        p95: percentile(
          results.map((result) => result.answerMs),
          95,
        ),
      },
    },
  };
}

/**
 * Overall (key `overall`), the main question set alone (key `main set`, what the gate's main thresholds read) when the
 * refusal sets are also present, and per category, for the categories these results have.
 */
export function summarizeByCategory(results: ItemResult[]): Record<string, Summary> {
  const byCategory: Record<string, Summary> = { overall: summarize(results) };
  const main = results.filter((result) => MAIN_CATEGORIES.has(result.category));
  if (main.length > 0 && main.length < results.length) byCategory['main set'] = summarize(main);
  for (const category of CATEGORIES) {
    const subset = results.filter((result) => result.category === category);
    if (subset.length > 0) byCategory[category] = summarize(subset);
  }
  return byCategory;
}

/** `summarizeByCategory` over each half of the dataset (evals/split.ts). */
export function summarizeByHalf(results: ItemResult[]): Record<Half, Record<string, Summary>> {
  return Object.fromEntries(
    HALVES.map((half) => [
      half,
      summarizeByCategory(results.filter((result) => result.half === half)),
    ]),
  ) as Record<Half, Record<string, Summary>>;
}
