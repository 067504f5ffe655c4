import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { buildEvalIndex } from '../build-eval-index.ts';
import { loadDataset } from '../dataset.ts';
import { benchHttp } from './bench-http.ts';
import { benchIngest } from './bench-ingest.ts';
import { benchOffice } from './bench-office.ts';
import { benchQuestionLog } from './bench-question-log.ts';
import { benchScale } from './bench-scale.ts';
import { benchSearch } from './bench-search.ts';
import { benchStart } from './bench-start.ts';

/**
 * glibc's trim threshold for the -- --malloc-trim runs: a fixed 128 KiB gives back memory freed after jieba's
 * dictionaries load (README: Performance reports what it saves and what it costs).
 */
const MALLOC_TRIM_THRESHOLD = '131072';
import { benchWorkers } from './workers-bench.ts';
import { httpTable } from './http-table.ts';

/**
 * `npm run bench`: ingest, search (1× and 100× corpus), HTTP chat (cached and uncached, each beside a bare Express
 * endpoint in the same process) with memory over mixed requests, start-to-ready time, one worker vs two, study-pack files (PPTX,
 * DOCX) and question-log on/off; a report, never a test. `-- --only office` runs one section.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      copies: { type: 'string', default: '100' },
      mixed: { type: 'string', default: '40000' },
      'mixed-max-seconds': { type: 'string', default: '180' },
      'settle-seconds': { type: 'string', default: '10' },
      'start-runs': { type: 'string', default: '5' },
      'malloc-trim': { type: 'boolean', default: false },
    },
  });
  const sections = new Set(
    (values.only ?? 'ingest,search,scale,http,start,workers,office,log').split(','),
  );
  const questions = loadDataset(
    path.join(PROJECT_ROOT, 'evals', 'datasets', 'questions.jsonl'),
  ).map((item) => item.question);
  const report: Record<string, unknown> = {
    createdAt: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
  };
  pino().info('benchmarking; this takes a few minutes');

  if (sections.has('ingest')) {
    report.ingest = await benchIngest(5);
    console.log('ingest', report.ingest);
  }
  if (sections.has('search')) {
    const embedder = new OfflineHashEmbedder();
    const { index, cleanup } = await buildEvalIndex(
      path.join(PROJECT_ROOT, 'data', 'wuhai-15th-fyp-proposal.txt'),
      embedder,
    );
    report.search = await benchSearch(new HybridRetriever(index, embedder), questions, 3);
    await cleanup();
    console.log('search', report.search);
  }
  if (sections.has('scale')) {
    report.scale = await benchScale(Number(values.copies), questions);
    console.log('scale', report.scale);
  }
  if (sections.has('http')) {
    const options = {
      seconds: Number(values.seconds),
      mixedRequests: Number(values.mixed),
      mixedMaxSeconds: Number(values['mixed-max-seconds']),
      settleSeconds: Number(values['settle-seconds']),
    };
    // With the response cache (repeated questions answered from memory) and without it (every request computed).
    const http = {
      cached: await benchHttp(questions, { ...options, responseCacheSize: 500 }),
      uncached: await benchHttp(questions, { ...options, responseCacheSize: 0 }),
    };
    report.http = http;
    console.log('http', JSON.stringify(http, null, 2));
    console.log(`\n${httpTable(http)}`);
    // Uncached once more with glibc's trim threshold fixed: its memory and what it costs in throughput.
    if (process.platform === 'linux' && values['malloc-trim']) {
      const env = { MALLOC_TRIM_THRESHOLD_: MALLOC_TRIM_THRESHOLD };
      const trimmed = await benchHttp(questions, { ...options, responseCacheSize: 0, env });
      report.httpTrimmed = trimmed;
      console.log(
        `uncached chat with MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD}: ${Math.round(trimmed.chat.requestsPerSecond)} req/s, ÷ bare ${trimmed.throughputRatio.toFixed(2)}, RSS after start ${trimmed.memory.afterStart.rssMb} MB, after mixed ${trimmed.memory.afterMixed.at(-1)?.rssMb ?? '–'} MB`,
      );
    }
  }
  if (sections.has('workers')) {
    // Uncached chat with WEB_CONCURRENCY=1 and 2, npm start's server, one after the other.
    report.workers = await benchWorkers(questions, Number(values.seconds));
    console.log('workers', JSON.stringify(report.workers, null, 2));
  }
  if (sections.has('start')) {
    report.start = await benchStart(Number(values['start-runs']));
    console.log('start', report.start);
    // The same start with glibc's trim threshold fixed (README: Performance).
    if (process.platform === 'linux' && values['malloc-trim']) {
      report.startTrimmed = await benchStart(Number(values['start-runs']), 60, {
        MALLOC_TRIM_THRESHOLD_: MALLOC_TRIM_THRESHOLD,
      });
      console.log('start, MALLOC_TRIM_THRESHOLD_', report.startTrimmed);
    }
  }
  if (sections.has('office')) {
    const embedder = new OfflineHashEmbedder();
    const { index, cleanup } = await buildEvalIndex(
      path.join(PROJECT_ROOT, 'data', 'wuhai-15th-fyp-proposal.txt'),
      embedder,
    );
    const policy = loadAnswerPolicy();
    report.office = await benchOffice(
      index.document,
      new HybridRetriever(index, embedder, policy),
      policy,
      20,
    );
    await cleanup();
    console.log('office', JSON.stringify(report.office, null, 2));
  }
  if (sections.has('log')) {
    // The question log is written off the request path: throughput with it on should stay within 10 % of off.
    report.questionLog = await benchQuestionLog(questions, Number(values.seconds));
    console.log('question log', JSON.stringify(report.questionLog, null, 2));
  }
  const dir = path.join(PROJECT_ROOT, 'evals', 'reports');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'bench.json'), JSON.stringify(report, null, 2));
  console.log(`\nwritten to ${path.join(dir, 'bench.json')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
