// A tiny OpenAI-compatible chat-completions server on loopback that streams its
// answer slowly, so a browser test has time to press 停止 mid-answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowChatServerOptions {
  /** Text pieces sent one per interval as `delta.content`. */
  chunks?: string[];
  intervalMs?: number;
  /**
   * After the last chunk: 'finish' ends the stream normally ([DONE]); 'hang'
   * keeps the response open until the client goes away (an answer that never
   * ends on its own, so 停止 is the only way out).
   */
  after?: 'finish' | 'hang';
}

export interface SlowChatServer {
  /** Pass as createTestApp's modelBaseURL. */
  baseURL: string;
  /** Streaming requests started so far. */
  readonly started: number;
  /** Streaming requests whose client disconnected before the stream ended. */
  readonly abandoned: number;
  close: () => Promise<void>;
}

export const DEFAULT_SLOW_CHUNKS = [
  '根据规划建议，',
  '乌海将优化能源消费结构',
  '〔第12条〕，',
  '推进绿电直连，',
  '提高绿电消费比例。',
  '同时，',
  '还要',
];

function chunkEvent(content: string | null, finish: string | null): string {
  const delta = content === null ? {} : { content };
  const chunk = {
    id: 'chatcmpl-slow',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const piece of request) body += String(piece);
  return body;
}

export async function startSlowChatServer(
  options: SlowChatServerOptions = {},
): Promise<SlowChatServer> {
  const chunks = options.chunks ?? DEFAULT_SLOW_CHUNKS;
  const intervalMs = options.intervalMs ?? 200;
  const after = options.after ?? 'hang';
  let started = 0;
  let abandoned = 0;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(await readBody(request)) as { stream?: boolean };
      if (!body.stream) {
        const text = chunks.join('');
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            id: 'chatcmpl-slow',
            object: 'chat.completion',
            created: 0,
            model: 'fake-model',
            choices: [
              { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
            ],
          }),
        );
        return;
      }
      started++;
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      const finished = () => response.writableEnded;
      response.on('close', () => {
        if (timer) clearTimeout(timer);
        if (!finished()) abandoned++;
      });
      const tick = () => {
        if (response.destroyed || finished()) return;
        if (sent < chunks.length) {
          response.write(chunkEvent(chunks[sent++] ?? '', null));
          timer = setTimeout(tick, intervalMs);
          return;
        }
        if (after === 'finish') {
          response.write(chunkEvent(null, 'stop'));
          response.end('data: [DONE]\n\n');
        }
        // 'hang': leave the response open; the client's disconnect closes it.
      };
      tick();
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get started() {
      return started;
    },
    get abandoned() {
      return abandoned;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
