import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Chunk, PlanDocument } from '../../core/document-model.ts';
import { IndexLoadError } from './index-error.ts';
import {
  INDEX_FILES,
  INDEX_FORMAT_VERSION,
  IndexManifestSchema,
  type IndexManifest,
} from './index-manifest.ts';
import { VectorIndex } from './vector-index.ts';
import { previousDirOf, sha256 } from './write-index.ts';

export interface LoadedIndex {
  dir: string;
  manifest: IndexManifest;
  document: PlanDocument;
  chunks: Array<Chunk & { tokens: string[] }>;
  vectors: VectorIndex;
}

/** Reads and checks the manifest only: cheap, for deciding whether an index must be rebuilt. */
export function readManifest(indexDir: string): { dir: string; manifest: IndexManifest } {
  const dir = [indexDir, previousDirOf(indexDir)].find((candidate) =>
    existsSync(path.join(candidate, INDEX_FILES.manifest)),
  );
  if (!dir) throw new IndexLoadError('missing', `No index found at ${indexDir}`);
  let manifest: IndexManifest;
  try {
    manifest = IndexManifestSchema.parse(
      JSON.parse(readFileSync(path.join(dir, INDEX_FILES.manifest), 'utf8')),
    );
  } catch (error) {
    throw new IndexLoadError('corrupt', `The index manifest at ${dir} is unreadable`, {
      cause: error,
    });
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexLoadError(
      'format-mismatch',
      `The index at ${dir} has format ${manifest.formatVersion}; this version reads format ${INDEX_FORMAT_VERSION}`,
    );
  }
  return { dir, manifest };
}

/**
 * Loads an index after checking that it is complete, uncorrupted and built by the same embedder that will embed
 * queries (vectors of another model are meaningless to it).
 */
export function readIndex(
  indexDir: string,
  expectedEmbedder: { id: string; dimensions: number | null },
): LoadedIndex {
  const { dir, manifest } = readManifest(indexDir);
  if (
    manifest.embedder.id !== expectedEmbedder.id ||
    (expectedEmbedder.dimensions !== null &&
      manifest.embedder.dimensions !== expectedEmbedder.dimensions)
  ) {
    throw new IndexLoadError(
      'embedder-mismatch',
      `The index at ${dir} was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimensions} dimensions), but ${expectedEmbedder.id} is configured`,
    );
  }
  const read = (name: string): Buffer => {
    const file = path.join(dir, name);
    if (!existsSync(file)) throw new IndexLoadError('corrupt', `The index at ${dir} lacks ${name}`);
    const data = readFileSync(file);
    if (manifest.files[name] !== sha256(data))
      throw new IndexLoadError(
        'corrupt',
        `The index file ${name} at ${dir} does not match its checksum`,
      );
    return data;
  };
  try {
    const document = JSON.parse(read(INDEX_FILES.document).toString('utf8')) as PlanDocument;
    const chunks = JSON.parse(read(INDEX_FILES.chunks).toString('utf8')) as LoadedIndex['chunks'];
    read(INDEX_FILES.vectors);
    const vectors = VectorIndex.read(
      path.join(dir, INDEX_FILES.vectors),
      manifest.embedder.dimensions,
    );
    if (chunks.length !== manifest.counts.chunks || vectors.size !== chunks.length) {
      throw new IndexLoadError(
        'corrupt',
        `The index at ${dir} holds ${chunks.length} chunks and ${vectors.size} vectors; its manifest says ${manifest.counts.chunks}`,
      );
    }
    return { dir, manifest, document, chunks, vectors };
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    throw new IndexLoadError('corrupt', `The index at ${dir} could not be read`, { cause: error });
  }
}
