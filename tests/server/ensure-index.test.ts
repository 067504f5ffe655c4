import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { INDEX_FILES } from '../../ingest/indexing/index-manifest.ts';
import { tokenizerFingerprint } from '../../ingest/tokenizer.ts';
import { ensureIndex } from '../../server/ensure-index.ts';
import { makeTempDir, SOURCE_FILE } from '../helpers/plan-index.ts';

describe('ensureIndex: an index on disk tokenised otherwise is rebuilt', () => {
  let dir: { dir: string; cleanup: () => Promise<void> };
  const embedder = new OfflineHashEmbedder();
  const logger = pino({ level: 'silent' });
  const manifestFile = () => path.join(dir.dir, 'index', INDEX_FILES.manifest);
  const readManifest = async () =>
    JSON.parse(await readFile(manifestFile(), 'utf8')) as { createdAt: string; tokenizer?: string };
  const ensure = () =>
    ensureIndex({
      sourceFile: SOURCE_FILE,
      indexDir: path.join(dir.dir, 'index'),
      embedder,
      logger,
    });

  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('records what the chunks were tokenised with, and loads such an index again without rebuilding', async () => {
    await ensure();
    const first = await readManifest();
    expect(first.tokenizer).toBe(tokenizerFingerprint());
    await ensure();
    expect((await readManifest()).createdAt).toBe(first.createdAt);
  });

  it('rebuilds an index whose tokens came from another dictionary, plan terms or stopwords, or from before they were recorded', async () => {
    for (const tokenizer of ['0'.repeat(64), undefined]) {
      const manifest = await readManifest();
      await writeFile(manifestFile(), JSON.stringify({ ...manifest, tokenizer }, null, 2));
      const index = await ensure();
      const rebuilt = await readManifest();
      expect(rebuilt.tokenizer).toBe(tokenizerFingerprint());
      expect(index.manifest.tokenizer).toBe(tokenizerFingerprint());
      expect(index.chunks.length).toBeGreaterThan(0);
    }
  });
});
