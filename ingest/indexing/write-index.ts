import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, PlanDocument } from '../../core/document-model.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type IndexManifest } from './index-manifest.ts';
import type { VectorIndex } from './vector-index.ts';

export interface IndexContents {
  document: PlanDocument;
  /** Chunks with the tokens they were ranked on. */
  chunks: Array<Chunk & { tokens: string[] }>;
  vectors: VectorIndex;
  embedder: { id: string; dimensions: number };
  source: { file: string; sha256: string };
  /** tokenizerFingerprint() of the tokens in `chunks`. */
  tokenizer: string;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Directory that holds the previous index while the new one is moved into place. */
export function previousDirOf(indexDir: string): string {
  return `${indexDir}.previous`;
}

/**
 * Writes the index atomically: everything goes into a temporary sibling directory, which is renamed into place
 * only when complete. A crash at any point leaves the previous index readable (at indexDir, or briefly at
 * indexDir.previous, which the loader also accepts).
 */
export async function writeIndex(
  indexDir: string,
  contents: IndexContents,
  hooks: { beforeSwap?: () => Promise<void> } = {},
): Promise<IndexManifest> {
  const parent = path.dirname(indexDir);
  await mkdir(parent, { recursive: true });
  const tempDir = path.join(
    parent,
    `.${path.basename(indexDir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await mkdir(tempDir);
  try {
    const files: Record<string, string> = {};
    const put = async (name: string, data: string | Buffer) => {
      await writeFile(path.join(tempDir, name), data);
      files[name] = sha256(data);
    };
    await put(INDEX_FILES.document, JSON.stringify(contents.document));
    await put(INDEX_FILES.chunks, JSON.stringify(contents.chunks));
    contents.vectors.write(path.join(tempDir, INDEX_FILES.vectors));
    files[INDEX_FILES.vectors] = sha256(await readFile(path.join(tempDir, INDEX_FILES.vectors)));
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: contents.source,
      counts: {
        parts: contents.document.parts.length,
        articles: contents.document.articles.length,
        chunks: contents.chunks.length,
      },
      embedder: contents.embedder,
      tokenizer: contents.tokenizer,
      files,
    };
    // The manifest is written last: a directory without one is never mistaken for a complete index.
    await writeFile(path.join(tempDir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    await hooks.beforeSwap?.();
    await swapInto(indexDir, tempDir);
    return manifest;
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

async function swapInto(indexDir: string, tempDir: string): Promise<void> {
  const previousDir = previousDirOf(indexDir);
  const hasCurrent = await exists(indexDir);
  if (hasCurrent) {
    await rm(previousDir, { recursive: true, force: true });
    await rename(indexDir, previousDir);
  }
  await rename(tempDir, indexDir);
  if (hasCurrent) await rm(previousDir, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
