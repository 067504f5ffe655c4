import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chunkPlan } from '../../ingest/chunk-plan.ts';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { indexTextOf } from '../../ingest/index-text.ts';
import { readIndex } from '../../ingest/indexing/read-index.ts';
import { VectorIndex } from '../../ingest/indexing/vector-index.ts';
import { sha256, writeIndex } from '../../ingest/indexing/write-index.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';
import { tokenize, tokenizerFingerprint } from '../../ingest/tokenizer.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { directorySize } from './bench-ingest.ts';
import { benchSearch } from './bench-search.ts';

/**
 * The document replicated `copies` times under distinct ids, each copy's chunks marked with its id so that no
 * copy's tokenisation or embedding is served from another's cache: how ingest time, index size and search grow.
 */
export async function benchScale(copies: number, questions: string[]) {
  const raw = await readFile(DEFAULT_SOURCE_FILE);
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-bench-scale-'));
  const embedder = new OfflineHashEmbedder();
  try {
    const started = performance.now();
    const base = parsePlan(raw.toString('utf8'), 'wuhai');
    const chunks = [];
    for (let copy = 1; copy <= copies; copy += 1) {
      const docId = `wuhai-copy-${copy}`;
      for (const chunk of chunkPlan({ ...base, id: docId })) {
        const text = `${indexTextOf(chunk)}\n${docId}`;
        chunks.push({ ...chunk, tokens: tokenize(text), indexText: text });
      }
    }
    const vectors = await embedder.embed(chunks.map((chunk) => chunk.indexText));
    const indexDir = path.join(dir, 'index');
    await writeIndex(indexDir, {
      document: base,
      chunks: chunks.map(({ indexText: _unused, ...chunk }) => chunk),
      vectors: VectorIndex.build(vectors, embedder.dimensions),
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      source: { file: path.basename(DEFAULT_SOURCE_FILE), sha256: sha256(raw) },
      tokenizer: tokenizerFingerprint(),
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    const retriever = new HybridRetriever(readIndex(indexDir, embedder), embedder);
    return {
      copies,
      chunks: chunks.length,
      ingestSeconds,
      indexBytes: await directorySize(indexDir),
      search: await benchSearch(retriever, questions, 2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
