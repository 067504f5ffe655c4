import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Embedder } from '../../ingest/embedding/embedder.ts';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import type { IndexManifest } from '../../ingest/indexing/index-manifest.ts';
import { readIndex, type LoadedIndex } from '../../ingest/indexing/read-index.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';

/** The real source document the project ships. */
export const SOURCE_FILE = DEFAULT_SOURCE_FILE;

export async function readSource(): Promise<string> {
  return readFile(SOURCE_FILE, 'utf8');
}

export async function sourceSha256(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(SOURCE_FILE))
    .digest('hex');
}

/** A fresh, empty temporary directory; remove it with the returned cleanup. */
export async function makeTempDir(
  prefix = 'plan-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface BuiltIndex {
  /** Temporary parent directory, holding only the index directory. */
  parentDir: string;
  indexDir: string;
  manifest: IndexManifest;
  index: LoadedIndex;
  embedder: Embedder;
  cleanup: () => Promise<void>;
}

/** Runs the real ingest pipeline on the real document into a temporary directory and loads the result from disk. */
export async function buildPlanIndex(
  embedder: Embedder = new OfflineHashEmbedder(),
): Promise<BuiltIndex> {
  const { dir, cleanup } = await makeTempDir('plan-index-');
  const indexDir = path.join(dir, 'index');
  const { manifest } = await ingest({ sourceFile: SOURCE_FILE, indexDir, embedder });
  return {
    parentDir: dir,
    indexDir,
    manifest,
    index: readIndex(indexDir, embedder),
    embedder,
    cleanup,
  };
}
