import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Embedder } from '../ingest/embedding/embedder.ts';
import { IndexLoadError } from '../ingest/indexing/index-error.ts';
import { readIndex, type LoadedIndex } from '../ingest/indexing/read-index.ts';
import { sha256 } from '../ingest/indexing/write-index.ts';
import { ingest } from '../ingest/pipeline.ts';
import { tokenizerFingerprint } from '../ingest/tokenizer.ts';

/**
 * Loads the index, first (re)building it when it is missing, unreadable, built by another embedder, or stale: its
 * source document changed, or its chunks were tokenised under another dictionary, plan terms or stopwords.
 */
export async function ensureIndex(options: {
  sourceFile: string;
  indexDir: string;
  embedder: Embedder;
  logger: Logger;
}): Promise<LoadedIndex> {
  const { sourceFile, indexDir, embedder, logger } = options;
  const sourceChecksum = sha256(readFileSync(sourceFile));
  let reason: string;
  try {
    const index = readIndex(indexDir, embedder);
    const sameSource = index.manifest.source.sha256 === sourceChecksum;
    const sameTokens = index.manifest.tokenizer === tokenizerFingerprint();
    if (sameSource && sameTokens) return index;
    reason = sameSource
      ? 'the tokenizer changed (main dictionary, plan terms or stopwords)'
      : 'the source document changed';
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    reason = error.problem;
  }
  logger.info({ indexDir, reason }, 'building the index');
  const result = await ingest({ sourceFile, indexDir, embedder });
  logger.info(
    { counts: result.manifest.counts, seconds: Number(result.seconds.toFixed(2)) },
    'index built',
  );
  return readIndex(indexDir, embedder);
}
