import type { PlanDocument } from '../core/document-model.ts';
import type { EvalItem } from './dataset.ts';
import { hitAtK, mean, ndcgAtK, recallAtK, reciprocalRank } from './metrics/retrieval-metrics.ts';
import { NaiveBaseline } from './naive-baseline.ts';

export interface BaselineSummary {
  n: number;
  hitAt1: number;
  hitAt3: number;
  hitAt5: number;
  recallAt5: number;
  mrr: number;
  ndcgAt5: number;
}

/** Retrieval figures of the naive pipeline (fixed 500-character chunks, BM25 on jieba tokens), overall and per category. */
export async function baselineSummaries(
  items: EvalItem[],
  doc: PlanDocument,
): Promise<Record<string, BaselineSummary>> {
  const baseline = await NaiveBaseline.build(doc);
  const scored = items.filter((item) => item.answerable && item.gold.length > 0);
  const rows = scored.map((item) => ({ item, ranked: baseline.rank(item.question, 5) }));
  const summarize = (subset: typeof rows): BaselineSummary => ({
    n: subset.length,
    hitAt1: mean(subset.map(({ item, ranked }) => hitAtK(ranked, item.gold, 1))),
    hitAt3: mean(subset.map(({ item, ranked }) => hitAtK(ranked, item.gold, 3))),
    hitAt5: mean(subset.map(({ item, ranked }) => hitAtK(ranked, item.gold, 5))),
    recallAt5: mean(subset.map(({ item, ranked }) => recallAtK(ranked, item.gold, 5))),
    mrr: mean(subset.map(({ item, ranked }) => reciprocalRank(ranked, item.gold))),
    ndcgAt5: mean(subset.map(({ item, ranked }) => ndcgAtK(ranked, item.gold, 5))),
  });
  const result: Record<string, BaselineSummary> = { overall: summarize(rows) };
  for (const category of new Set(rows.map((row) => row.item.category)))
    result[category] = summarize(rows.filter((row) => row.item.category === category));
  return result;
}
