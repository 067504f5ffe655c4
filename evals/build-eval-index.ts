import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Embedder } from '../ingest/embedding/embedder.ts';
import { readIndex, type LoadedIndex } from '../ingest/indexing/read-index.ts';
import { ingest } from '../ingest/pipeline.ts';

/** Builds a fresh index of the source in a temporary directory, so that evaluations never depend on a stale one. */
export async function buildEvalIndex(
  sourceFile: string,
  embedder: Embedder,
): Promise<{ index: LoadedIndex; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-eval-'));
  const indexDir = path.join(dir, 'index');
  await ingest({ sourceFile, indexDir, embedder });
  return {
    index: readIndex(indexDir, embedder),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
