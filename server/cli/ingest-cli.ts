import { SingleBar, Presets } from 'cli-progress';
import { createEmbedder } from '../../ingest/embedding/create-embedder.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { loadConfig } from '../config.ts';

/**
 * `npm run ingest`: builds the index with a progress bar over the embedding step, then prints a summary. Lives in
 * server/ because it wires the server's configuration (.env) to the ingest pipeline, which knows nothing of it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedder = createEmbedder(config);
  const bar = new SingleBar(
    {
      format: '嵌入 embedding |{bar}| {value}/{total} chunks',
      hideCursor: true,
      noTTYOutput: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  const result = await ingest({
    sourceFile: config.sourceFile,
    indexDir: config.indexDir,
    embedder,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
  });
  bar.stop();
  const { counts, embedder: embedderInfo } = result.manifest;
  console.log(
    `Indexed ${result.document.title}\n` +
      `  parts ${counts.parts} · articles ${counts.articles} · chunks ${counts.chunks} · main goals ${result.document.mainGoals.length}\n` +
      `  embedder ${embedderInfo.id} (${embedderInfo.dimensions} dims) · ${result.seconds.toFixed(2)} s\n` +
      `  written to ${config.indexDir}`,
  );
}

main().catch((error: unknown) => {
  console.error(`ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
