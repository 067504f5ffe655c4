import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../ingest/embedding/create-embedder.ts';
import { EmbeddingProviderError } from '../../ingest/embedding/embedding-provider-error.ts';
import { OpenAIEmbedder } from '../../ingest/embedding/openai-embedder.ts';
import { readIndex } from '../../ingest/indexing/read-index.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { loadConfig } from '../../server/config.ts';
import { openRetriever } from '../../server/retrieval/open-retriever.ts';
import {
  embeddingsReply,
  fakeVector,
  startFakeEmbeddingsServer,
  type FakeEmbeddingsServer,
} from '../helpers/fake-embeddings-server.ts';
import { makeTempDir, SOURCE_FILE } from '../helpers/plan-index.ts';

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

function unit(vector: number[]): number[] {
  const length = norm(vector);
  return vector.map((value) => value / length);
}

async function providerError(promise: Promise<unknown>): Promise<EmbeddingProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EmbeddingProviderError);
    return error as EmbeddingProviderError;
  }
  throw new Error('the embedder did not fail');
}

describe('OpenAIEmbedder against an OpenAI-compatible server', () => {
  let server: FakeEmbeddingsServer;

  beforeAll(async () => {
    server = await startFakeEmbeddingsServer({ dimensions: 16 });
  });

  beforeEach(() => {
    server.requests.length = 0;
    server.handle((request) =>
      embeddingsReply((request.body.input as string[]).map(String), 16, String(request.body.model)),
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  function embedder(
    options: { dimensions?: number; batchSize?: number; apiKey?: string } = {},
  ): OpenAIEmbedder {
    return new OpenAIEmbedder({
      baseURL: server.baseURL,
      apiKey: options.apiKey ?? 'sk-test-key',
      model: 'fake-embed-small',
      timeoutMs: 10_000,
      ...options,
    });
  }

  it('posts the model name and the inputs to /v1/embeddings with the API key', async () => {
    const vectors = await embedder().embed(['就业', '看病就医']);
    expect(vectors).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/embeddings');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.body.model).toBe('fake-embed-small');
    expect(request?.body.input).toEqual(['就业', '看病就医']);
    expect(request?.body.encoding_format).toBe('float');
    expect(request?.body).not.toHaveProperty('dimensions');
  });

  it('requests shortened vectors when dimensions are configured, and names them in its id', async () => {
    const shortened = embedder({ dimensions: 8 });
    server.handle((request) =>
      embeddingsReply(
        (request.body.input as string[]).map(String),
        Number(request.body.dimensions),
        'fake-embed-small',
      ),
    );
    const [vector] = await shortened.embed(['绿电直连']);
    expect(server.requests[0]?.body.dimensions).toBe(8);
    expect(vector).toHaveLength(8);
    expect(shortened.id).toBe('openai-compatible:fake-embed-small:8');
    expect(embedder().id).toBe('openai-compatible:fake-embed-small');
  });

  it('returns unit vectors in input order even when the server answers out of order', async () => {
    const inputs = ['固态电池', '可降解新材料', '清洁供暖', '退役军人'];
    server.handle((request) =>
      embeddingsReply((request.body.input as string[]).map(String), 16, 'fake-embed-small', {
        reverse: true,
      }),
    );
    const vectors = await embedder().embed(inputs);
    expect(vectors).toHaveLength(4);
    inputs.forEach((input, index) => {
      const vector = vectors[index]!;
      expect(norm(vector)).toBeCloseTo(1, 10);
      const expected = unit(fakeVector(input, 16));
      vector.forEach((value, position) => expect(value).toBeCloseTo(expected[position]!, 10));
    });
  });

  it('goes through a LangChain Embeddings that also places out-of-order vectors by their index', async () => {
    const inputs = ['就业', '看病就医', '清洁供暖'];
    server.handle((request) =>
      embeddingsReply((request.body.input as string[]).map(String), 16, 'fake-embed-small', {
        reverse: true,
      }),
    );
    const embeddings = await embedder().embeddings();
    expect(embeddings).toBeInstanceOf(Embeddings);
    expect(await embeddings.embedDocuments(inputs)).toEqual(
      inputs.map((input) => fakeVector(input, 16)),
    );
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('learns its dimensions from the first response when none are configured', async () => {
    const fresh = embedder();
    expect(fresh.dimensions).toBeNull();
    await fresh.embed(['乌海']);
    expect(fresh.dimensions).toBe(16);
  });

  it('splits large inputs into batches and keeps the overall order', async () => {
    const inputs = Array.from({ length: 150 }, (_, index) => `第${index}段文字`);
    const vectors = await embedder().embed(inputs);
    expect(server.requests.map((request) => (request.body.input as string[]).length)).toEqual([
      64, 64, 22,
    ]);
    expect(server.requests.flatMap((request) => request.body.input as string[])).toEqual(inputs);
    expect(vectors).toHaveLength(150);
    for (const index of [0, 63, 64, 70, 128, 149]) {
      const expected = unit(fakeVector(inputs[index]!, 16));
      vectors[index]!.forEach((value, position) =>
        expect(value).toBeCloseTo(expected[position]!, 10),
      );
    }
  });

  it('honours a smaller batch size', async () => {
    await embedder({ batchSize: 2 }).embed(['一', '二', '三', '四', '五']);
    expect(server.requests.map((request) => request.body.input)).toEqual([
      ['一', '二'],
      ['三', '四'],
      ['五'],
    ]);
  });

  it('raises a retryable EmbeddingProviderError on HTTP 500', async () => {
    server.handle(() => ({
      status: 500,
      json: { error: { message: 'model crashed', type: 'server_error' } },
      headers: { 'retry-after-ms': '1' },
    }));
    const error = await providerError(embedder().embed(['乌海']));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('500');
    expect(error.message).toContain('fake-embed-small');
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });

  it('raises a non-retryable EmbeddingProviderError on HTTP 400', async () => {
    server.handle(() => ({
      status: 400,
      json: { error: { message: 'input too long', type: 'invalid_request_error' } },
    }));
    const error = await providerError(embedder().embed(['乌海']));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('400');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a response with fewer vectors than inputs', async () => {
    server.handle(() => embeddingsReply(['only one'], 16, 'fake-embed-small'));
    const error = await providerError(embedder().embed(['甲', '乙']));
    expect(error.retryable).toBe(false);
  });

  it('refuses vectors of the wrong length', async () => {
    server.handle((request) =>
      embeddingsReply((request.body.input as string[]).map(String), 12, 'fake-embed-small'),
    );
    const error = await providerError(embedder({ dimensions: 16 }).embed(['甲']));
    expect(error.retryable).toBe(false);
  });
});

describe('a full ingest with the OpenAI-compatible embedder', () => {
  let server: FakeEmbeddingsServer;
  let temp: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    server = await startFakeEmbeddingsServer({ dimensions: 24 });
    temp = await makeTempDir('plan-openai-index-');
  });

  afterAll(async () => {
    await server?.close();
    await temp?.cleanup();
  });

  it('writes a manifest naming the embedder and its dimensions, and the index serves searches with it', async () => {
    const indexDir = path.join(temp.dir, 'index');
    const config = loadConfig({
      EMBEDDER: 'openai',
      EMBEDDING_MODEL: 'fake-embed-small',
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API_KEY: 'sk-ingest',
      INDEX_DIR: indexDir,
    });
    const embedder = createEmbedder(config, 10_000);
    expect(embedder).toBeInstanceOf(OpenAIEmbedder);

    const { manifest } = await ingest({ sourceFile: SOURCE_FILE, indexDir, embedder });
    expect(manifest.embedder).toEqual({ id: 'openai-compatible:fake-embed-small', dimensions: 24 });
    expect(manifest.counts.articles).toBe(36);
    const embeddedTexts = server.requests.flatMap((request) => request.body.input as string[]);
    expect(embeddedTexts).toHaveLength(manifest.counts.chunks);
    for (const request of server.requests) {
      expect(request.body.model).toBe('fake-embed-small');
      expect(request.headers.authorization).toBe('Bearer sk-ingest');
    }

    // A freshly configured embedder (dimensions not yet known) loads the index and searches through the fake server.
    const { retriever, index } = openRetriever(config);
    expect(index.manifest.embedder.id).toBe('openai-compatible:fake-embed-small');
    const before = server.requests.length;
    const result = await retriever.search('固态电池材料及装备制造');
    expect(server.requests.length).toBeGreaterThan(before);
    expect(result.hits[0]?.article).toBe(11);

    // The offline embedder must not read it.
    expect(() => readIndex(indexDir, { id: 'offline-hash-v1', dimensions: 1024 })).toThrow(
      /npm run ingest/,
    );
  });
});
