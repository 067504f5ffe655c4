import { z } from 'zod';

/** Bumped whenever the on-disk layout changes; an index of another version is rebuilt, not misread. */
export const INDEX_FORMAT_VERSION = 1;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  document: 'document.json',
  chunks: 'chunks.json',
  vectors: 'vectors.hnsw',
} as const;

export const IndexManifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: z.string(),
  source: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  counts: z.object({
    parts: z.number().int(),
    articles: z.number().int(),
    chunks: z.number().int(),
  }),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  /** What the chunks' tokens were made with (tokenizerFingerprint); absent in indexes written before it was kept. */
  tokenizer: z.string().optional(),
  /** Checksums of the other files, so that a truncated or edited file is detected on load. */
  files: z.record(z.string(), z.string()),
});

export type IndexManifest = z.infer<typeof IndexManifestSchema>;
