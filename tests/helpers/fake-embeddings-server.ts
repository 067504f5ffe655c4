import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server received, with its parsed JSON body. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: {
    model?: unknown;
    input?: unknown;
    encoding_format?: unknown;
    dimensions?: unknown;
    [key: string]: unknown;
  };
}

export interface FakeReply {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: RecordedRequest) => FakeReply;

export interface FakeEmbeddingsServer {
  /** Base URL including /v1, as OPENAI_BASE_URL would be set. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replaces how the server answers POST /v1/embeddings. */
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

/**
 * A deterministic, deliberately un-normalised vector for a text: hashed characters and character bigrams, scaled by 3
 * plus a constant component, so that texts sharing words get similar vectors.
 */
export function fakeVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[0] = 1;
  const chars = [...text];
  const features = [...chars, ...chars.slice(1).map((char, index) => `${chars[index]}${char}`)];
  for (const feature of features) {
    let hash = 0x811c9dc5;
    for (let index = 0; index < feature.length; index += 1)
      hash = Math.imul(hash ^ feature.charCodeAt(index), 0x01000193);
    const slot = (hash >>> 0) % dimensions;
    vector[slot] = (vector[slot] ?? 0) + 1;
  }
  return vector.map((value) => value * 3);
}

/** The OpenAI response shape for a list of inputs, in input order. */
export function embeddingsReply(
  inputs: string[],
  dimensions: number,
  model: string,
  options: { reverse?: boolean } = {},
): FakeReply {
  const data = inputs.map((text, index) => ({
    object: 'embedding',
    index,
    embedding: fakeVector(text, dimensions),
  }));
  if (options.reverse) data.reverse();
  return {
    status: 200,
    json: { object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } },
  };
}

/** Answers like an OpenAI-compatible embeddings endpoint; honours `dimensions` when the request sets it. */
export function defaultHandler(defaultDimensions: number): FakeHandler {
  return (request) => {
    const inputs = Array.isArray(request.body.input)
      ? request.body.input.map(String)
      : [String(request.body.input)];
    const dimensions =
      typeof request.body.dimensions === 'number' ? request.body.dimensions : defaultDimensions;
    return embeddingsReply(inputs, dimensions, String(request.body.model));
  };
}

/** Starts the fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeEmbeddingsServer(
  options: { dimensions?: number } = {},
): Promise<FakeEmbeddingsServer> {
  let handler: FakeHandler = defaultHandler(options.dimensions ?? 16);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as RecordedRequest['body'];
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      const reply: FakeReply =
        req.method === 'POST' && req.url === '/v1/embeddings'
          ? handler(recorded)
          : { status: 404, json: { error: { message: `no route ${req.method} ${req.url}` } } };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
