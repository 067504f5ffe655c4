import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';

/** One parsed Server-Sent Event. */
export interface SseFrame {
  event: string;
  data: unknown;
  /** The raw data line(s), before JSON parsing. */
  raw: string;
}

/** Parses an SSE body into frames; throws on a frame whose data is not JSON (the endpoint only sends JSON). */
export function parseSseFrames(body: string): SseFrame[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
        else if (line.startsWith('data:')) data.push(line.slice('data:'.length).replace(/^ /, ''));
      }
      const raw = data.join('\n');
      return { event, data: JSON.parse(raw) as unknown, raw };
    });
}

/** POSTs a chat request asking for Server-Sent Events and returns the status, headers, raw body and frames. */
export async function postChatSse(
  app: Express,
  body: unknown,
): Promise<{ status: number; headers: Record<string, string>; text: string; frames: SseFrame[] }> {
  const response = await request(app)
    .post('/api/chat')
    .set('Accept', 'text/event-stream')
    .send(body as object)
    .buffer(true)
    .parse((res, callback) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => {
        text += part;
      });
      res.on('end', () => callback(null, text));
    });
  const text = response.body as string;
  return {
    status: response.status,
    headers: response.headers as Record<string, string>,
    text,
    frames: parseSseFrames(text),
  };
}

/** The text of the delta frames, concatenated. */
export function deltaText(frames: SseFrame[]): string {
  return frames
    .filter((frame) => frame.event === 'delta')
    .map((frame) => (frame.data as { text: string }).text)
    .join('');
}

/** Starts an app on 127.0.0.1 with an ephemeral port, for tests that need a real socket (disconnects, raw bodies). */
export async function listen(
  app: Express,
): Promise<{ server: Server; origin: string; port: number; close: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const started = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request with exactly the given method, path, headers and body bytes: nothing is added or encoded. */
export function rawRequest(
  port: number,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body =
      options.body === undefined
        ? undefined
        : Buffer.isBuffer(options.body)
          ? options.body
          : Buffer.from(options.body, 'utf8');
    const headers: Record<string, string | number> = { ...options.headers };
    if (body !== undefined) headers['content-length'] = body.length;
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers },
      (incoming) => {
        const parts: Buffer[] = [];
        incoming.on('data', (part: Buffer) => parts.push(part));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(parts).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Reads article texts through GET /api/articles/:n, once per article. */
export function articleTexts(app: Express): (article: number) => Promise<string> {
  const cache = new Map<number, Promise<string>>();
  return (article) => {
    let text = cache.get(article);
    if (!text) {
      text = request(app)
        .get(`/api/articles/${article}`)
        .then((response) => {
          expect(response.status, `GET /api/articles/${article}`).toBe(200);
          return (response.body as { text: string }).text;
        });
      cache.set(article, text);
    }
    return text;
  };
}

/** Every citation's quote is a non-empty verbatim substring of its article's text as GET /api/articles/:n serves it. */
export async function expectVerbatimCitations(
  app: Express,
  body: ChatResponse,
  textOf: (article: number) => Promise<string> = articleTexts(app),
): Promise<void> {
  for (const citation of body.citations) {
    expect(citation.quote.length, `quote of article ${citation.article}`).toBeGreaterThan(0);
    expect(
      await textOf(citation.article),
      `quote “${citation.quote}” of article ${citation.article}`,
    ).toContain(citation.quote);
  }
}

/** The article numbers of a response's citations, in order of first appearance. */
export function citedArticleNumbers(body: ChatResponse): number[] {
  return [...new Set(body.citations.map((citation) => citation.article))];
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the shape of a chat response: the fields the contract promises, with their types. */
export function expectChatShape(body: unknown): asserts body is ChatResponse {
  expect(body).toEqual(
    expect.objectContaining({
      answer: expect.any(String),
      answered: expect.any(Boolean),
      citations: expect.any(Array),
      related: expect.any(Array),
      mode: expect.stringMatching(/^(staff|citizen|trainer)$/),
      provider: expect.any(String),
    }),
  );
  const allowed = new Set([
    'answer',
    'answered',
    'citations',
    'related',
    'mode',
    'provider',
    'notice',
    'answerId',
  ]);
  expect(Object.keys(body as object).filter((key) => !allowed.has(key))).toEqual([]);
  const response = body as ChatResponse;
  if ('notice' in response) expect(typeof response.notice).toBe('string');
  if ('answerId' in response) expect(response.answerId).toMatch(UUID);
  for (const citation of response.citations) {
    expect(Object.keys(citation).sort()).toEqual([
      'article',
      'part',
      'partTitle',
      'quote',
      'title',
    ]);
    expect(citation).toEqual({
      article: expect.any(Number),
      title: expect.any(String),
      part: expect.any(Number),
      partTitle: expect.any(String),
      quote: expect.any(String),
    });
  }
  for (const item of response.related)
    expect(item).toEqual({ article: expect.any(Number), title: expect.any(String) });
}

/** Stack frames and server paths must never reach a client. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat [^\n]*:\d+:\d+/);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toContain('/work/');
  expect(text).not.toContain('node_modules');
  expect(text).not.toContain('.ts:');
}
