import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedder } from '../../ingest/embedding/create-embedder.ts';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { OpenAIEmbedder } from '../../ingest/embedding/openai-embedder.ts';
import {
  DEFAULT_INDEX_DIR,
  DEFAULT_SOURCE_FILE,
  PROJECT_ROOT,
} from '../../ingest/project-paths.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';

const ALL_VARIABLES = [
  'PORT',
  'HOST',
  'INDEX_DIR',
  'SOURCE_FILE',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'CHAT_MODEL',
  'EMBEDDER',
  'EMBEDDING_MODEL',
  'EMBEDDING_DIMENSIONS',
  'LLM_TIMEOUT_MS',
  'RATE_LIMIT_PER_MINUTE',
  'CORS_ORIGINS',
  'TRUST_PROXY',
  'LOG_LEVEL',
];

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('loadConfig accepted an invalid configuration');
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      indexDir: DEFAULT_INDEX_DIR,
      sourceFile: DEFAULT_SOURCE_FILE,
      embedder: { kind: 'offline' },
      chatModel: null,
      rateLimitPerMinute: 60,
      corsOrigins: [],
      trustProxy: undefined,
      logLevel: 'info',
    });
    expect(config.openai.apiKey).toBeUndefined();
    expect(config.openai.baseURL).toBeUndefined();
    expect(createEmbedder(config)).toBeInstanceOf(OfflineHashEmbedder);
  });

  it('treats empty strings as unset', () => {
    const empty = Object.fromEntries(ALL_VARIABLES.map((name) => [name, '']));
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });

  it('reads the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      INDEX_DIR: 'tmp/my-index',
      SOURCE_FILE: '/srv/plan.txt',
      RATE_LIMIT_PER_MINUTE: '10',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      rateLimitPerMinute: 10,
      corsOrigins: ['https://a.example', 'https://b.example'],
      logLevel: 'debug',
    });
    expect(config.indexDir).toBe(path.resolve(PROJECT_ROOT, 'tmp/my-index'));
    expect(config.sourceFile).toBe('/srv/plan.txt');
  });

  it('switches to the OpenAI-compatible embedder when EMBEDDING_MODEL is set', () => {
    const config = loadConfig({
      EMBEDDING_MODEL: 'nomic-embed-text',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(config.embedder).toEqual({
      kind: 'openai',
      model: 'nomic-embed-text',
      dimensions: undefined,
    });
    const embedder = createEmbedder(config);
    expect(embedder).toBeInstanceOf(OpenAIEmbedder);
    expect(embedder.id).toBe('openai-compatible:nomic-embed-text');
  });

  it('passes EMBEDDING_DIMENSIONS on to the embedder', () => {
    const config = loadConfig({
      EMBEDDING_MODEL: 'text-embedding-3-small',
      EMBEDDING_DIMENSIONS: '256',
      OPENAI_API_KEY: 'sk-x',
    });
    expect(config.embedder).toEqual({
      kind: 'openai',
      model: 'text-embedding-3-small',
      dimensions: 256,
    });
    expect(createEmbedder(config).dimensions).toBe(256);
  });

  it('keeps the offline embedder when EMBEDDER=offline is explicit', () => {
    expect(
      loadConfig({ EMBEDDER: 'offline', EMBEDDING_MODEL: 'nomic-embed-text' }).embedder,
    ).toEqual({ kind: 'offline' });
  });

  it('refuses EMBEDDER=openai without EMBEDDING_MODEL, naming the variable', () => {
    expect(configError({ EMBEDDER: 'openai' }).message).toContain('EMBEDDING_MODEL');
  });

  it.each(['not a url', 'http//missing-colon', '://nohost'])(
    'refuses OPENAI_BASE_URL=%j, naming the variable',
    (value) => {
      expect(configError({ OPENAI_BASE_URL: value }).message).toContain('OPENAI_BASE_URL');
    },
  );

  it.each(['abc', '-1', '70000', '80.5'])('refuses PORT=%j, naming the variable', (value) => {
    expect(configError({ PORT: value }).message).toContain('PORT');
  });

  it.each([
    ['EMBEDDER', 'bogus'],
    ['LOG_LEVEL', 'loud'],
    ['EMBEDDING_DIMENSIONS', 'many'],
    ['LLM_TIMEOUT_MS', '5'],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name);
  });

  it('has no chat model without OPENAI_API_KEY or OPENAI_BASE_URL', () => {
    expect(loadConfig({ CHAT_MODEL: 'gpt-4o' }).chatModel).toBeNull();
    expect(loadConfig({ EMBEDDING_MODEL: 'nomic-embed-text' }).chatModel).toBeNull();
  });

  it('configures the chat model from OPENAI_API_KEY or OPENAI_BASE_URL', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).chatModel).toEqual({
      model: 'gpt-4o-mini',
      apiKey: 'sk-x',
      baseURL: undefined,
    });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).modelTimeoutMs).toBe(30_000);
    const local = loadConfig({
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      CHAT_MODEL: 'qwen2.5',
      LLM_TIMEOUT_MS: '5000',
    });
    expect(local.chatModel).toEqual({
      model: 'qwen2.5',
      baseURL: 'http://localhost:11434/v1',
      apiKey: undefined,
    });
    expect(local.modelTimeoutMs).toBe(5000);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
