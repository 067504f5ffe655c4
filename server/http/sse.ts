import type { Response } from 'express';

/** The Server-Sent Events the chat endpoint emits; the web page parses the same union. */
export type SseEvent<Done> =
  | { event: 'delta'; data: { text: string } }
  | { event: 'done'; data: Done }
  | { event: 'error'; data: { error: { code: string; message: string } } };

/** `event: name\ndata: JSON\n\n`: JSON never contains a raw newline, so one data line always suffices. */
export function formatSseEvent<Done>(event: SseEvent<Done>): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Opens an SSE response with headers that stop proxies from buffering, and aborts `controller` if the client leaves. */
export function openSseStream(response: Response, controller: AbortController) {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('Connection', 'keep-alive');
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return {
    send<Done>(event: SseEvent<Done>): void {
      if (!response.writableEnded && !controller.signal.aborted)
        response.write(formatSseEvent(event));
    },
    end(): void {
      if (!response.writableEnded) response.end();
    },
  };
}

export function wantsEventStream(acceptHeader: string | undefined): boolean {
  return (acceptHeader ?? '')
    .split(',')
    .some((type) => type.trim().toLowerCase().startsWith('text/event-stream'));
}
