import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { DEFAULT_SOURCE_FILE, PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { percentile } from '../metrics/retrieval-metrics.ts';

export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

/** Ingest of the shipped document with the offline embedder: as a fresh command (what a user waits for) and in-process. */
export async function benchIngest(runs: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-bench-ingest-'));
  try {
    const commandSeconds: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(PROJECT_ROOT, 'server', 'cli', 'ingest-cli.ts')],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            INDEX_DIR: path.join(dir, 'cli-index'),
            EMBEDDER: 'offline',
            EMBEDDING_MODEL: '',
          },
          stdio: 'ignore',
        },
      );
      commandSeconds.push((performance.now() - started) / 1000);
    }
    const pipelineSeconds: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await ingest({
        sourceFile: DEFAULT_SOURCE_FILE,
        indexDir: path.join(dir, 'index'),
        embedder: new OfflineHashEmbedder(),
      });
      pipelineSeconds.push(result.seconds);
    }
    return {
      commandWallSecondsMedian: percentile(commandSeconds, 50),
      pipelineSecondsMedian: percentile(pipelineSeconds, 50),
      pipelineSecondsFirstRun: pipelineSeconds[0] ?? 0,
      indexBytes: await directorySize(path.join(dir, 'index')),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
