import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { readIndex } from '../../ingest/indexing/read-index.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';
import {
  composeTopicMap,
  topicQuery,
  unusedTerms,
  type RankArticles,
  type TopicMapSources,
} from '../../ingest/topics/compose-topic-map.ts';
import {
  loadTopicDefinitions,
  TOPIC_DEFINITIONS_FILE,
  type TopicDefinitions,
} from '../../ingest/topics/topic-definitions.ts';
import {
  serializeTopicMap,
  TOPIC_MAP_FILE,
  type TopicMap,
} from '../../ingest/topics/topic-map-schema.ts';
import { HybridRetriever } from '../retrieval/hybrid-retriever.ts';

export interface BuildTopicMapOptions {
  sourceFile?: string;
  definitions?: TopicDefinitions;
  onConfirmed?: TopicMapSources['onConfirmed'];
}

/**
 * `npm run build:topics`: parses the document, builds a throw-away index with the offline embedder (deterministic,
 * no network), confirms each topic's articles by retrieval and selects its sentences by dictionary match. The
 * selection itself is pure and lives in ingest/topics; this script only supplies the retrieval it needs.
 */
export async function buildTopicMap(options: BuildTopicMapOptions = {}): Promise<TopicMap> {
  const sourceFile = options.sourceFile ?? DEFAULT_SOURCE_FILE;
  const definitions = options.definitions ?? loadTopicDefinitions();
  const tempDir = await mkdtemp(path.join(tmpdir(), 'topic-map-'));
  try {
    const embedder = new OfflineHashEmbedder();
    const indexDir = path.join(tempDir, 'index');
    const { document } = await ingest({ sourceFile, indexDir, embedder });
    const retriever = new HybridRetriever(readIndex(indexDir, embedder), embedder);
    const sourceSha256 = createHash('sha256')
      .update(await readFile(sourceFile))
      .digest('hex');
    const rankArticles: RankArticles = async (query, limit) => {
      const { hits } = await retriever.search(query, { k: limit, mode: 'hybrid' });
      return hits.flatMap((hit) => (hit.article === null ? [] : [hit.article]));
    };
    return await composeTopicMap({
      document,
      sourceSha256,
      definitions,
      rankArticles,
      onConfirmed: options.onConfirmed,
    });
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const definitions = loadTopicDefinitions();
  const confirmedBy = new Map<string, number[]>();
  const map = await buildTopicMap({
    definitions,
    onConfirmed: (topicId, articles) => confirmedBy.set(topicId, articles),
  });
  await writeFile(TOPIC_MAP_FILE, serializeTopicMap(map));
  // Parsed again only to report terms that match nothing; the map itself came from the index build above.
  const document = parsePlan(
    await readFile(DEFAULT_SOURCE_FILE, 'utf8'),
    path.basename(DEFAULT_SOURCE_FILE, '.txt'),
  );
  for (const topic of map.topics) {
    const articles = topic.articles
      .map((article) => `${article.article}(${article.sentences.length})`)
      .join(' ');
    const sentenceCount = topic.articles.reduce(
      (sum, article) => sum + article.sentences.length,
      0,
    );
    console.log(
      `${topic.id.padEnd(12)} ${topic.name}: ${sentenceCount} sentences in articles ${articles || '—'}`,
    );
    const definition = definitions.topics.find((candidate) => candidate.id === topic.id);
    const unused = definition ? unusedTerms(document, definition) : [];
    if (unused.length > 0) console.warn(`  ! terms found in no article: ${unused.join('、')}`);
    if (process.argv.includes('--verbose') && definition) {
      console.log(
        `  query: ${topicQuery(definition)} → confirmed articles ${(confirmedBy.get(topic.id) ?? []).join(' ')}`,
      );
      for (const article of topic.articles)
        for (const sentence of article.sentences) console.log(`  [${article.article}] ${sentence}`);
    }
  }
  console.log(
    `written to ${path.relative(process.cwd(), TOPIC_MAP_FILE)} (definitions: ${path.relative(process.cwd(), TOPIC_DEFINITIONS_FILE)})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`build:topics failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
