import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Audience } from '../core/wire/chat-wire.ts';
import { PROJECT_ROOT } from '../ingest/project-paths.ts';
import { createEmbedder } from '../ingest/embedding/create-embedder.ts';
import { loadConfig } from '../server/config.ts';
import { ChatService } from '../server/chat/chat-service.ts';
import { createChatModel } from '../server/llm/create-chat-model.ts';
import { HybridRetriever } from '../server/retrieval/hybrid-retriever.ts';
import { buildEvalIndex } from './build-eval-index.ts';
import { DEFAULT_DATASETS, loadDatasets, MAIN_CATEGORIES, type EvalItem } from './dataset.ts';
import { evaluateItem, type ItemResult } from './evaluate-item.ts';
import { checkRefusalThresholds, checkThresholds, loadThresholds } from './check-thresholds.ts';
import { baselineSummaries } from './baseline-summary.ts';
import { summarize, summarizeByCategory, summarizeByHalf } from './summarize.ts';
import { writeReports } from './write-reports.ts';

/**
 * `npm run eval`: every item through the /api/chat code path, scored overall and per category, for the whole dataset
 * and for each half (dev, test: evals/split.ts); reports in evals/reports/. `--gate` checks the test half only.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', multiple: true, default: DEFAULT_DATASETS },
      provider: { type: 'string', default: 'offline' },
      baseline: { type: 'boolean', default: false },
      gate: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(PROJECT_ROOT, 'evals', 'reports') },
    },
  });
  if (values.provider !== 'offline' && values.provider !== 'openai')
    throw new Error('--provider must be offline or openai');
  const config = loadConfig();
  const chatModel = values.provider === 'openai' ? await createChatModel(config) : null;
  if (values.provider === 'openai' && !chatModel)
    throw new Error('--provider openai needs OPENAI_API_KEY or OPENAI_BASE_URL (and CHAT_MODEL)');

  const items = loadDatasets(values.dataset!);
  const embedder = createEmbedder(config);
  const { index, cleanup } = await buildEvalIndex(config.sourceFile, embedder);
  try {
    const retriever = new HybridRetriever(index, embedder);
    const chat = new ChatService({
      retriever,
      document: index.document,
      chatModel,
      modelTimeoutMs: config.modelTimeoutMs,
      onModelFailure: (error) => pino().warn({ err: error }, 'model failed during evaluation'),
    });
    const results: ItemResult[] = [];
    for (const item of items)
      results.push(await evaluateItem(item, chat, index.document, modeFor(item)));

    const byCategory = summarizeByCategory(results);
    const halves = summarizeByHalf(results);
    const baseline = values.baseline ? await baselineSummaries(items, index.document) : undefined;
    const report = {
      createdAt: new Date().toISOString(),
      dataset: values.dataset!.map((file) => path.relative(PROJECT_ROOT, file)).join(' + '),
      provider: chat.provider,
      embedder: embedder.id,
      summary: byCategory,
      halves,
      baseline,
      items: results,
    };
    await mkdir(values.out!, { recursive: true });
    const files = await writeReports(values.out!, report);
    console.log(files.markdown);
    console.log(`\nreports: ${files.paths.join(', ')}`);
    if (values.gate) {
      // The main set's measures on its own items; the refusal measures over every item of the half.
      const thresholds = loadThresholds();
      const testResults = results.filter((result) => result.half === 'test');
      const test = summarize(testResults.filter((result) => MAIN_CATEGORIES.has(result.category)));
      const failures = [
        ...checkThresholds(test, thresholds.overall),
        ...checkRefusalThresholds(summarize(testResults), thresholds.refusals),
      ];
      if (failures.length > 0) {
        console.error(
          `\nevaluation gate FAILED on the test half (main set n=${test.n}, all n=${testResults.length}):\n${failures.map((failure) => `  ${failure}`).join('\n')}`,
        );
        process.exitCode = 1;
      } else
        console.log(
          `\nevaluation gate passed on the test half (main set n=${test.n}, all n=${testResults.length})`,
        );
    }
  } finally {
    await cleanup();
  }
}

/** Each item is asked in the mode its askers would use. */
function modeFor(item: EvalItem): Audience {
  return item.category === 'citizen'
    ? 'citizen'
    : item.category === 'trainer'
      ? 'trainer'
      : 'staff';
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
