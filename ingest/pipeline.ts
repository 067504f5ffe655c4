import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, PlanDocument } from '../core/document-model.ts';
import { parsePlan } from './parse-plan.ts';
import { chunkPlan } from './chunk-plan.ts';
import { tokenize, tokenizerFingerprint } from './tokenizer.ts';
import { indexTextOf } from './index-text.ts';
import type { Embedder } from './embedding/embedder.ts';
import { VectorIndex } from './indexing/vector-index.ts';
import { sha256, writeIndex } from './indexing/write-index.ts';
import type { IndexManifest } from './indexing/index-manifest.ts';

export interface IngestOptions {
  sourceFile: string;
  indexDir: string;
  embedder: Embedder;
  /** Document id; defaults to the source file's name without extension. */
  docId?: string;
  /** Texts are embedded in batches of this size, reporting progress after each. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface IngestResult {
  manifest: IndexManifest;
  document: PlanDocument;
  seconds: number;
}

/** load → parse → chunk → tokenise → embed → write, each stage a typed function. */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const raw = await readFile(options.sourceFile);
  const docId = options.docId ?? path.basename(options.sourceFile).replace(/\.[^.]+$/, '');
  const document = parsePlan(raw.toString('utf8'), docId);
  const chunks = chunkPlan(document);
  const tokenized = chunks.map((chunk) => ({ ...chunk, tokens: tokenize(indexTextOf(chunk)) }));
  const vectors = await embedChunks(chunks, options);
  const dimensions = options.embedder.dimensions ?? vectors[0]?.length ?? 0;
  const manifest = await writeIndex(options.indexDir, {
    document,
    chunks: tokenized,
    vectors: VectorIndex.build(vectors, dimensions),
    embedder: { id: options.embedder.id, dimensions },
    source: { file: path.basename(options.sourceFile), sha256: sha256(raw) },
    tokenizer: tokenizerFingerprint(),
  });
  return { manifest, document, seconds: (performance.now() - started) / 1000 };
}

async function embedChunks(chunks: Chunk[], options: IngestOptions): Promise<number[][]> {
  const batchSize = options.batchSize ?? 32;
  const texts = chunks.map(indexTextOf);
  const vectors: number[][] = [];
  options.onProgress?.(0, texts.length);
  for (let start = 0; start < texts.length; start += batchSize) {
    options.signal?.throwIfAborted();
    vectors.push(
      ...(await options.embedder.embed(texts.slice(start, start + batchSize), {
        signal: options.signal,
      })),
    );
    options.onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}
