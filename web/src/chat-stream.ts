// POST /api/chat, streamed as SSE when the server supports it. Uses fetch +
// ReadableStream so the request can carry a JSON body and be aborted (停止).
import { ApiError, errorFromResponse, toApiError } from './api-error';
import { SseParser, type SseEvent } from './sse-parser';
import type { ChatRequest, ChatResponse, Citation, RelatedArticle } from './types';

export interface StreamHandlers {
  onDelta(text: string): void;
}

export async function streamChat(
  req: ChatRequest,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<ChatResponse> {
  try {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(req),
      signal,
    });
    if (!res.ok) throw await errorFromResponse(res);
    const type = res.headers.get('Content-Type') ?? '';
    if (!type.includes('text/event-stream') || !res.body) {
      // A server (or proxy) that ignores Accept still gives a usable answer.
      const whole = normaliseResponse(await res.json());
      handlers.onDelta(whole.answer);
      return whole;
    }
    return await readEvents(res.body, handlers);
  } catch (err) {
    throw toApiError(err);
  }
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  handlers: StreamHandlers,
): Promise<ChatResponse> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const event of parser.push(text)) {
        const result = handleEvent(event, handlers);
        if (result) return result;
      }
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  throw new ApiError('stream', 200, 'stream_incomplete', 'stream ended without a done event');
}

function handleEvent(event: SseEvent, handlers: StreamHandlers): ChatResponse | undefined {
  const payload = parseJson(event.data);
  if (event.event === 'delta') {
    const text = (payload as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && text) handlers.onDelta(text);
    return undefined;
  }
  if (event.event === 'done') return normaliseResponse(payload);
  if (event.event === 'error') {
    const err = (payload as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof err?.code === 'string' ? err.code : 'stream_error';
    const message = typeof err?.message === 'string' ? err.message : 'stream error';
    throw new ApiError('stream', 200, code, message);
  }
  return undefined; // unknown event types are ignored, as SSE intends
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The server is trusted for shape but not for presence of every field; missing
// arrays would otherwise crash rendering halfway through an answer.
function normaliseResponse(raw: unknown): ChatResponse {
  const r = (raw ?? {}) as Partial<Record<keyof ChatResponse, unknown>>;
  if (typeof r.answer !== 'string') {
    throw new ApiError('stream', 200, 'bad_response', 'response has no answer');
  }
  return {
    answer: r.answer,
    answered: r.answered !== false,
    citations: Array.isArray(r.citations) ? r.citations.filter(isCitation) : [],
    related: Array.isArray(r.related) ? r.related.filter(isRelated) : [],
    mode: r.mode === 'citizen' || r.mode === 'trainer' ? r.mode : 'staff',
    provider: typeof r.provider === 'string' ? r.provider : '',
    ...(typeof r.notice === 'string' && r.notice !== '' ? { notice: r.notice } : {}),
    ...(typeof r.answerId === 'string' && r.answerId !== '' ? { answerId: r.answerId } : {}),
  };
}

function isRelated(x: unknown): x is RelatedArticle {
  const r = x as Partial<RelatedArticle> | null;
  return typeof r?.article === 'number' && typeof r.title === 'string';
}

function isCitation(x: unknown): x is Citation {
  const c = x as Partial<Citation> | null;
  return isRelated(x) && typeof c?.quote === 'string';
}
