import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { createEmbedder } from '../ingest/embedding/create-embedder.ts';
import { HybridRetriever } from '../server/retrieval/hybrid-retriever.ts';
import { loadAnswerPolicy } from '../server/policy/load-answer-policy.ts';
import type { RankingMode } from '../server/retrieval/retrieval-types.ts';
import { dataFile } from '../ingest/project-paths.ts';
import { buildEvalIndex } from './build-eval-index.ts';
import { loadDataset, type EvalItem } from './dataset.ts';
import { hitAtK, mean, reciprocalRank } from './metrics/retrieval-metrics.ts';
import { NaiveBaseline } from './naive-baseline.ts';
import path from 'node:path';
import { PROJECT_ROOT } from '../ingest/project-paths.ts';

type System = RankingMode | 'no-term-map' | 'naive';
/** 'no-term-map' is the hybrid with the colloquial and English term maps switched off: what the maps contribute. */
const SYSTEMS: System[] = ['hybrid', 'no-term-map', 'bm25', 'vector', 'naive'];

/** `npm run eval:retrieval`: hit@1, hit@5 and MRR per category for hybrid, BM25 alone, vectors alone and the naive baseline. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: {
        type: 'string',
        default: path.join(PROJECT_ROOT, 'evals', 'datasets', 'questions.jsonl'),
      },
    },
  });
  const config = loadConfig();
  // Follow-ups need the conversation, which the chat pipeline supplies: they are measured by `npm run eval`.
  const items = loadDataset(values.dataset!).filter(
    (item) => item.gold.length > 0 && item.category !== 'followup',
  );
  const embedder = createEmbedder(config);
  const { index, cleanup } = await buildEvalIndex(
    config.sourceFile ?? dataFile('wuhai-15th-fyp-proposal.txt'),
    embedder,
  );
  try {
    const retriever = new HybridRetriever(index, embedder);
    const withoutTermMap = new HybridRetriever(index, embedder, withoutExpansion());
    const naive = await NaiveBaseline.build(index.document);
    const rankings = new Map<System, number[][]>();
    for (const system of SYSTEMS) {
      const ranked: number[][] = [];
      for (const item of items) {
        if (system === 'naive') ranked.push(naive.rank(item.question, 5));
        else if (system === 'no-term-map')
          ranked.push(articleRanking((await withoutTermMap.search(item.question, { k: 10 })).hits));
        else
          ranked.push(
            articleRanking((await retriever.search(item.question, { k: 10, mode: system })).hits),
          );
      }
      rankings.set(system, ranked);
    }
    printTable(items, rankings);
  } finally {
    await cleanup();
  }
}

function articleRanking(hits: Array<{ article: number | null }>): number[] {
  return [...new Set(hits.flatMap((hit) => (hit.article === null ? [] : [hit.article])))];
}

function printTable(items: EvalItem[], rankings: Map<System, number[][]>): void {
  const groups = new Map<string, number[]>([['overall', items.map((_, index) => index)]]);
  items.forEach((item, index) =>
    groups.set(item.category, [...(groups.get(item.category) ?? []), index]),
  );
  const header = [
    'category',
    'n',
    ...SYSTEMS.flatMap((system) => [`${system} h@1`, `${system} h@5`, `${system} MRR`]),
  ];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const [name, indexes] of groups) {
    const cells = SYSTEMS.flatMap((system) => {
      const ranked = rankings.get(system)!;
      const metric = (fn: (position: number) => number) => mean(indexes.map(fn)).toFixed(3);
      return [
        metric((position) => hitAtK(ranked[position]!, items[position]!.gold, 1)),
        metric((position) => hitAtK(ranked[position]!, items[position]!.gold, 5)),
        metric((position) => reciprocalRank(ranked[position]!, items[position]!.gold)),
      ];
    });
    console.log(`| ${name} | ${indexes.length} | ${cells.join(' | ')} |`);
  }
  const misses = items.filter(
    (_, position) => !hitAtK(rankings.get('hybrid')![position]!, items[position]!.gold, 1),
  );
  if (misses.length > 0) {
    console.log(`\nhybrid misses at rank 1 (${misses.length}):`);
    for (const item of misses)
      console.log(
        `  ${item.id} gold ${item.gold.join(',')} got ${rankings.get('hybrid')![items.indexOf(item)]!.slice(0, 5).join(',')} — ${item.question.slice(0, 60)}`,
      );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});

/** The policy with the term maps' weight at zero: what retrieval does without the plain-language bridge. */
function withoutExpansion() {
  const policy = loadAnswerPolicy();
  return { ...policy, retrieval: { ...policy.retrieval, expansionWeight: 0 } };
}
