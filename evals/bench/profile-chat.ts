import { writeFile, mkdir } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { DEFAULT_SOURCE_FILE, PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { ChatService } from '../../server/chat/chat-service.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { buildEvalIndex } from '../build-eval-index.ts';
import { DEFAULT_DATASETS, loadDatasets, type EvalItem } from '../dataset.ts';
import { topSelfTime, type CpuProfile } from './cpu-profile-summary.ts';

/**
 * `npm run profile`: every evaluation question through ChatService.answer with the response cache off (every answer
 * computed, as for a question never asked before), under the V8 CPU profiler. Start-up (index build, dictionaries)
 * and a first warm-up round are outside the profile. Prints the functions with the most self time and writes the
 * profile (open it in Chrome DevTools) to evals/reports/chat.cpuprofile. A report, never a test.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      top: { type: 'string', default: '25' },
    },
  });
  const items = loadDatasets(DEFAULT_DATASETS);
  const embedder = new OfflineHashEmbedder();
  const { index, cleanup } = await buildEvalIndex(DEFAULT_SOURCE_FILE, embedder);
  try {
    const chat = new ChatService({
      retriever: new HybridRetriever(index, embedder),
      document: index.document,
      chatModel: null,
      responseCacheSize: 0,
    });
    await answerAll(chat, items);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const rounds = Number(values.rounds);
    for (let round = 0; round < rounds; round += 1) await answerAll(chat, items);
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();

    const questions = rounds * items.length;
    // CPU time is steadier than wall time on a shared machine; both include the profiler's own overhead.
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `${questions} answers: ${(elapsedMs / questions).toFixed(3)} ms wall, ${(cpuMs / questions).toFixed(3)} ms CPU a question\n`,
    );
    console.log('self ms  share  function (file)');
    for (const entry of topSelfTime(profile, Number(values.top)))
      console.log(
        `${entry.selfMs.toFixed(0).padStart(7)}  ${(entry.share * 100).toFixed(1).padStart(4)}%  ${entry.name}`,
      );
    const dir = path.join(PROJECT_ROOT, 'evals', 'reports');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'chat.cpuprofile'), JSON.stringify(profile));
    console.log(`\nwritten to ${path.join(dir, 'chat.cpuprofile')}`);
  } finally {
    await cleanup();
  }
}

async function answerAll(chat: ChatService, items: EvalItem[]): Promise<void> {
  for (const item of items)
    await chat.answer({
      message: item.question,
      history: item.history ?? [],
      mode:
        item.category === 'citizen' ? 'citizen' : item.category === 'trainer' ? 'trainer' : 'staff',
    });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
