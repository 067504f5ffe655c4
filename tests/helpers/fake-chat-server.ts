import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat message as the OpenAI chat-completions API carries it. */
export interface FakeChatMessage {
  role: string;
  content: string;
}

/** A chat-completions request the fake server received. */
export interface RecordedChatRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { model?: unknown; messages?: unknown; stream?: unknown; [key: string]: unknown };
  messages: FakeChatMessage[];
  /** The content of the first system message ('' when there is none). */
  systemPrompt: string;
  /** The content of the last user message ('' when there is none). */
  lastUserMessage: string;
  /** True once the client closed the connection before the server finished its reply (an aborted call). */
  aborted: boolean;
  /** Resolves when the exchange is over: 'finished' (the reply was sent), 'aborted' (the client left) or 'dropped' (the server cut it). */
  settled: Promise<'finished' | 'aborted' | 'dropped'>;
}

/** How the fake answers one chat-completions request. */
export type ChatReply =
  /** Streams `text` in `pieces` chunks (default: a few), then `data: [DONE]`. */
  | { kind: 'text'; text: string; pieces?: number }
  /** An HTTP error with an OpenAI-style error body (500, 429, …). */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never sends anything; the connection stays open until the client leaves or close(). */
  | { kind: 'hang' }
  /** Streams `text` (may be empty), then stops sending without ending the response: a stall mid-stream. */
  | { kind: 'stall'; text: string }
  /** Streams `before` (may be empty), then a chunk that is not JSON. */
  | { kind: 'malformed'; before?: string }
  /** Streams the first half of `text`, then destroys the socket. */
  | { kind: 'drop'; text: string }
  /** A well-formed stream that carries no content at all, just `data: [DONE]`. */
  | { kind: 'empty' };

export type ChatReplyHandler = (request: RecordedChatRequest) => ChatReply;

export interface FakeChatServer {
  /** Base URL including /v1, as OPENAI_BASE_URL would be set. */
  baseURL: string;
  /** Base URL without /v1 (the SDK then posts to /chat/completions). */
  rootURL: string;
  requests: RecordedChatRequest[];
  /** Sets how every following request is answered (a fixed reply or a function of the request). */
  reply(next: ChatReply | ChatReplyHandler): void;
  answerWith(text: string, pieces?: number): void;
  failWith(status: number, message?: string): void;
  hang(): void;
  stallAfter(text: string): void;
  sendMalformed(before?: string): void;
  dropMidStream(text: string): void;
  sendEmpty(): void;
  /** Answers with `text` followed by a marker for `article` (meant to be one the app did not retrieve). */
  citeUnretrieved(article: number, text?: string): void;
  /** Resolves with the n-th request (1-based) once it has arrived. */
  waitForRequest(n?: number): Promise<RecordedChatRequest>;
  close(): Promise<void>;
}

/** One streamed chunk in the chat.completion.chunk shape. */
function chunkLine(content: string): string {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Splits text into about `pieces` parts on code-point boundaries (so no chunk ends inside a surrogate pair). */
export function splitIntoPieces(text: string, pieces: number): string[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const size = Math.max(1, Math.ceil(chars.length / Math.max(1, pieces)));
  const parts: string[] = [];
  for (let index = 0; index < chars.length; index += size)
    parts.push(chars.slice(index, index + size).join(''));
  return parts;
}

function startStream(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
}

function readMessages(body: RecordedChatRequest['body']): FakeChatMessage[] {
  if (!Array.isArray(body.messages)) return [];
  return body.messages.map((message: unknown) => {
    const record = (message ?? {}) as { role?: unknown; content?: unknown };
    return {
      role: String(record.role ?? ''),
      content: typeof record.content === 'string' ? record.content : JSON.stringify(record.content),
    };
  });
}

/** An OpenAI-compatible chat-completions server on 127.0.0.1 with an ephemeral port, told per test how to answer. */
export async function startFakeChatServer(): Promise<FakeChatServer> {
  let handler: ChatReplyHandler = () => ({ kind: 'text', text: '' });
  const requests: RecordedChatRequest[] = [];
  const waiters: Array<{ n: number; resolve: (request: RecordedChatRequest) => void }> = [];

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const isChat =
        req.method === 'POST' &&
        (req.url === '/v1/chat/completions' || req.url === '/chat/completions');
      if (!isChat) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' },
          }),
        );
        return;
      }
      let body: RecordedChatRequest['body'] = {};
      try {
        body = JSON.parse(
          Buffer.concat(parts).toString('utf8') || '{}',
        ) as RecordedChatRequest['body'];
      } catch {
        body = {};
      }
      const messages = readMessages(body);
      let droppedByServer = false;
      let settle: (how: 'finished' | 'aborted' | 'dropped') => void = () => {};
      const recorded: RecordedChatRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        messages,
        systemPrompt: messages.find((message) => message.role === 'system')?.content ?? '',
        lastUserMessage:
          messages.filter((message) => message.role === 'user').at(-1)?.content ?? '',
        aborted: false,
        settled: new Promise((resolve) => {
          settle = resolve;
        }),
      };
      res.on('close', () => {
        if (res.writableFinished) settle('finished');
        else if (droppedByServer) settle('dropped');
        else {
          recorded.aborted = true;
          settle('aborted');
        }
      });
      requests.push(recorded);
      for (const waiter of waiters.filter((candidate) => candidate.n <= requests.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(requests[waiter.n - 1]!);
      }

      const reply = handler(recorded);
      switch (reply.kind) {
        case 'text': {
          startStream(res);
          for (const piece of splitIntoPieces(reply.text, reply.pieces ?? 4))
            res.write(chunkLine(piece));
          res.end('data: [DONE]\n\n');
          return;
        }
        case 'empty': {
          startStream(res);
          res.end('data: [DONE]\n\n');
          return;
        }
        case 'status': {
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(
            JSON.stringify({
              error: {
                message: reply.message ?? `fake failure ${reply.status}`,
                type: 'server_error',
                code: null,
              },
            }),
          );
          return;
        }
        case 'hang':
          return;
        case 'stall': {
          startStream(res);
          for (const piece of splitIntoPieces(reply.text, 2)) res.write(chunkLine(piece));
          return;
        }
        case 'malformed': {
          startStream(res);
          for (const piece of splitIntoPieces(reply.before ?? '', 2)) res.write(chunkLine(piece));
          res.write('data: {"choices":[{"delta":{"content":"半句\n\n');
          res.end('data: [DONE]\n\n');
          return;
        }
        case 'drop': {
          startStream(res);
          const chars = [...reply.text];
          res.write(chunkLine(chars.slice(0, Math.ceil(chars.length / 2)).join('')));
          // Let the first half reach the client before the connection goes.
          setTimeout(() => {
            droppedByServer = true;
            res.socket?.destroy();
          }, 20);
          return;
        }
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const set = (next: ChatReply | ChatReplyHandler) => {
    handler = typeof next === 'function' ? next : () => next;
  };
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    rootURL: `http://127.0.0.1:${port}`,
    requests,
    reply: set,
    answerWith: (text, pieces) => set({ kind: 'text', text, pieces }),
    failWith: (status, message) => set({ kind: 'status', status, message }),
    hang: () => set({ kind: 'hang' }),
    stallAfter: (text) => set({ kind: 'stall', text }),
    sendMalformed: (before) => set({ kind: 'malformed', before }),
    dropMidStream: (text) => set({ kind: 'drop', text }),
    sendEmpty: () => set({ kind: 'empty' }),
    citeUnretrieved: (article, text = '《建议》对此另有规定') =>
      set({ kind: 'text', text: `${text}〔第${article}条〕。` }),
    waitForRequest: (n = 1) =>
      new Promise<RecordedChatRequest>((resolve) => {
        const existing = requests[n - 1];
        if (existing) resolve(existing);
        else waiters.push({ n, resolve });
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A loopback port that nothing listens on (a server was opened there and closed again): connections are refused. */
export async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
