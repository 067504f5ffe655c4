import { cp, mkdir, readdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkPlan } from '../../ingest/chunk-plan.ts';
import { indexTextOf } from '../../ingest/index-text.ts';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { IndexLoadError } from '../../ingest/indexing/index-error.ts';
import { INDEX_FILES, INDEX_FORMAT_VERSION } from '../../ingest/indexing/index-manifest.ts';
import { readIndex, readManifest } from '../../ingest/indexing/read-index.ts';
import { VectorIndex } from '../../ingest/indexing/vector-index.ts';
import { writeIndex } from '../../ingest/indexing/write-index.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import {
  buildPlanIndex,
  makeTempDir,
  readSource,
  sourceSha256,
  SOURCE_FILE,
  type BuiltIndex,
} from '../helpers/plan-index.ts';
import { FailingOfflineEmbedder, TinyTestEmbedder } from '../helpers/test-embedders.ts';

const offline = new OfflineHashEmbedder();

function loadError(load: () => unknown): IndexLoadError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as Error).message).toContain('npm run ingest');
    return error as IndexLoadError;
  }
  throw new Error('the index loaded although it should have been refused');
}

describe('the index on disk', () => {
  let built: BuiltIndex;
  let startedAt: number;
  let finishedAt: number;
  let scratch: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    startedAt = Date.now();
    built = await buildPlanIndex(offline);
    finishedAt = Date.now();
    scratch = await makeTempDir('plan-index-scratch-');
  });

  afterAll(async () => {
    await built?.cleanup();
    await scratch?.cleanup();
  });

  /** A private copy of the built index that a test may damage. */
  async function copyOfIndex(name: string): Promise<string> {
    const dir = path.join(scratch.dir, name);
    await cp(built.indexDir, dir, { recursive: true });
    return dir;
  }

  it('writes a manifest describing what was indexed', async () => {
    const expectedChunks = chunkPlan(
      parsePlan(await readSource(), 'wuhai-15th-fyp-proposal'),
    ).length;
    const { manifest } = readManifest(built.indexDir);
    expect(manifest).toEqual(built.manifest);
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.counts).toEqual({ parts: 10, articles: 36, chunks: expectedChunks });
    expect(manifest.embedder).toEqual({ id: 'offline-hash-v1', dimensions: 1024 });
    expect(manifest.source).toEqual({
      file: 'wuhai-15th-fyp-proposal.txt',
      sha256: await sourceSha256(),
    });
    const created = Date.parse(manifest.createdAt);
    expect(new Date(created).toISOString()).toBe(manifest.createdAt);
    expect(created).toBeGreaterThanOrEqual(startedAt);
    expect(created).toBeLessThanOrEqual(finishedAt);
    expect(Object.keys(manifest.files).sort()).toEqual(
      [INDEX_FILES.chunks, INDEX_FILES.document, INDEX_FILES.vectors].sort(),
    );
  });

  it('round-trips: the loaded index holds the parsed document, every chunk with tokens, and one vector per chunk', async () => {
    const { index } = built;
    const expected = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
    expect(index.document).toEqual(expected);
    expect(index.chunks.map(({ tokens: _tokens, ...chunk }) => chunk)).toEqual(chunkPlan(expected));
    for (const chunk of index.chunks) expect(chunk.tokens.length).toBeGreaterThan(0);
    expect(index.vectors.size).toBe(index.chunks.length);
    expect(index.vectors.dimensions).toBe(1024);
    // A chunk's own vector finds that chunk first.
    const target = index.chunks.findIndex((chunk) => chunk.articleNumber === 12);
    const [vector] = await offline.embed([indexTextOf(index.chunks[target]!)]);
    expect(index.vectors.search(vector!, 1)[0]?.index).toBe(target);
  });

  it('answers searches after loading from disk', async () => {
    const retriever = new HybridRetriever(readIndex(built.indexDir, offline), offline);
    expect((await retriever.search('第12条')).hits[0]?.article).toBe(12);
    const byTopic = await retriever.search('固态电池材料及装备制造');
    expect(byTopic.hits[0]?.article).toBe(11);
  });

  it('refuses a missing index directory', async () => {
    const error = loadError(() => readIndex(path.join(scratch.dir, 'does-not-exist'), offline));
    expect(error.problem).toBe('missing');
  });

  it('refuses a directory without a manifest', async () => {
    const dir = path.join(scratch.dir, 'empty-dir');
    await mkdir(dir);
    expect(loadError(() => readIndex(dir, offline)).problem).toBe('missing');
  });

  it('refuses a corrupt manifest', async () => {
    const dir = await copyOfIndex('garbage-manifest');
    await writeFile(path.join(dir, INDEX_FILES.manifest), '{"formatVersion": 1, "createdAt": ');
    expect(loadError(() => readIndex(dir, offline)).problem).toBe('corrupt');
  });

  it('refuses a manifest that is valid JSON of the wrong shape', async () => {
    const dir = await copyOfIndex('wrong-shape-manifest');
    await writeFile(path.join(dir, INDEX_FILES.manifest), JSON.stringify({ hello: 'world' }));
    expect(loadError(() => readIndex(dir, offline)).problem).toBe('corrupt');
  });

  it('refuses an index of another format version', async () => {
    const dir = await copyOfIndex('old-format');
    const manifest = JSON.parse(await readFile(path.join(dir, INDEX_FILES.manifest), 'utf8')) as {
      formatVersion: number;
    };
    await writeFile(
      path.join(dir, INDEX_FILES.manifest),
      JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION + 1 }),
    );
    expect(loadError(() => readIndex(dir, offline)).problem).toBe('format-mismatch');
  });

  it('refuses a truncated chunks.json (checksum)', async () => {
    const dir = await copyOfIndex('truncated-chunks');
    const file = path.join(dir, INDEX_FILES.chunks);
    const size = (await readFile(file)).length;
    await truncate(file, Math.floor(size / 2));
    const error = loadError(() => readIndex(dir, offline));
    expect(error.problem).toBe('corrupt');
    expect(error.message).toContain(INDEX_FILES.chunks);
  });

  it('refuses a chunks.json edited into other valid JSON (checksum)', async () => {
    const dir = await copyOfIndex('edited-chunks');
    const file = path.join(dir, INDEX_FILES.chunks);
    const chunks = JSON.parse(await readFile(file, 'utf8')) as Array<{ text: string }>;
    chunks[0]!.text = '篡改过的文字';
    await writeFile(file, JSON.stringify(chunks));
    const error = loadError(() => readIndex(dir, offline));
    expect(error.problem).toBe('corrupt');
    expect(error.message).toContain(INDEX_FILES.chunks);
  });

  it('refuses an index with a missing vectors file', async () => {
    const dir = await copyOfIndex('no-vectors');
    await rename(path.join(dir, INDEX_FILES.vectors), path.join(dir, 'moved.hnsw'));
    expect(loadError(() => readIndex(dir, offline)).problem).toBe('corrupt');
  });

  it('refuses an index built by another embedder', async () => {
    const tiny = new TinyTestEmbedder();
    const indexDir = path.join(scratch.dir, 'tiny-index');
    const { manifest } = await ingest({ sourceFile: SOURCE_FILE, indexDir, embedder: tiny });
    expect(manifest.embedder).toEqual({ id: 'tiny-test-embedder', dimensions: 8 });
    // The tiny embedder reads its own index...
    expect(readIndex(indexDir, tiny).chunks).toHaveLength(manifest.counts.chunks);
    // ...but the offline embedder must not use its vectors.
    const error = loadError(() => readIndex(indexDir, offline));
    expect(error.problem).toBe('embedder-mismatch');
    expect(error.message).toContain('tiny-test-embedder');
    expect(error.message).toContain('offline-hash-v1');
  });

  it('refuses an index from an embedder with the same id but other dimensions', () => {
    expect(
      loadError(() => readIndex(built.indexDir, { id: 'offline-hash-v1', dimensions: 512 }))
        .problem,
    ).toBe('embedder-mismatch');
  });

  it('still loads the previous index while a swap is half done (only indexDir.previous exists)', async () => {
    const parent = path.join(scratch.dir, 'mid-swap');
    await mkdir(parent);
    const indexDir = path.join(parent, 'index');
    await cp(built.indexDir, `${indexDir}.previous`, { recursive: true });
    const loaded = readIndex(indexDir, offline);
    expect(loaded.manifest.createdAt).toBe(built.manifest.createdAt);
    expect(loaded.chunks).toHaveLength(built.manifest.counts.chunks);
  });
});

describe('rebuilding the index', () => {
  let parent: { dir: string; cleanup: () => Promise<void> };
  let indexDir: string;
  let firstCreatedAt: string;

  beforeAll(async () => {
    parent = await makeTempDir('plan-index-rebuild-');
    indexDir = path.join(parent.dir, 'index');
    firstCreatedAt = (await ingest({ sourceFile: SOURCE_FILE, indexDir, embedder: offline }))
      .manifest.createdAt;
  });

  afterAll(async () => {
    await parent?.cleanup();
  });

  /** The previous index is still complete and unchanged, and nothing else was left in its parent directory. */
  async function expectPreviousIndexIntact(): Promise<void> {
    const loaded = readIndex(indexDir, offline);
    expect(loaded.dir).toBe(indexDir);
    expect(loaded.manifest.createdAt).toBe(firstCreatedAt);
    expect(loaded.chunks).toHaveLength(loaded.manifest.counts.chunks);
    expect(loaded.document.articles).toHaveLength(36);
    expect(await readdir(parent.dir)).toEqual(['index']);
  }

  it('keeps the previous index when the embedder fails on its second batch', async () => {
    const failing = new FailingOfflineEmbedder(2);
    await expect(
      ingest({ sourceFile: SOURCE_FILE, indexDir, embedder: failing, batchSize: 16 }),
    ).rejects.toThrow('simulated embedder failure on batch 2');
    expect(failing.calls).toBe(2);
    await expectPreviousIndexIntact();
  });

  it('keeps the previous index and removes its temporary directory when writing fails just before the swap', async () => {
    const loaded = readIndex(indexDir, offline);
    let hookRan = false;
    const write = writeIndex(
      indexDir,
      {
        document: loaded.document,
        chunks: loaded.chunks,
        vectors: VectorIndex.build(
          await offline.embed(loaded.chunks.map((chunk) => chunk.text)),
          1024,
        ),
        embedder: { id: offline.id, dimensions: 1024 },
        source: loaded.manifest.source,
        tokenizer: loaded.manifest.tokenizer ?? '',
      },
      {
        beforeSwap: async () => {
          hookRan = true;
          // The new index is complete in a temporary sibling directory at this point.
          const siblings = await readdir(parent.dir);
          expect(siblings.filter((name) => name !== 'index')).toHaveLength(1);
          throw new Error('simulated crash before swap');
        },
      },
    );
    await expect(write).rejects.toThrow('simulated crash before swap');
    expect(hookRan).toBe(true);
    await expectPreviousIndexIntact();
  });

  it('replaces the index on a successful rebuild and leaves nothing else behind', async () => {
    // Rebuilt with another embedder, so that the new index is unmistakably not the old one.
    const tiny = new TinyTestEmbedder();
    const { manifest } = await ingest({ sourceFile: SOURCE_FILE, indexDir, embedder: tiny });
    expect(readManifest(indexDir).manifest).toEqual(manifest);
    expect(Date.parse(manifest.createdAt)).toBeGreaterThanOrEqual(Date.parse(firstCreatedAt));
    expect(readIndex(indexDir, tiny).manifest.embedder.id).toBe('tiny-test-embedder');
    expect(loadError(() => readIndex(indexDir, offline)).problem).toBe('embedder-mismatch');
    expect(await readdir(parent.dir)).toEqual(['index']);
  });
});
