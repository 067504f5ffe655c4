// Incremental Server-Sent Events parser (WHATWG "event stream" rules, minus
// id/retry which a one-shot POST stream has no use for). EventSource cannot
// send a POST body, so the chat stream is read with fetch and parsed here.
// Chunks may split anywhere: inside a line, or between "\r" and "\n".

export interface SseEvent {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];
  private sawCR = false;

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): SseEvent[] {
    const out: SseEvent[] = [];
    if (chunk === '') return out; // an empty read must not forget a pending "\r"
    let text = chunk;
    // A chunk ending in "\r" may be followed by "\n" in the next chunk: one line break, not two.
    if (this.sawCR && text.startsWith('\n')) text = text.slice(1);
    this.sawCR = chunk.endsWith('\r');
    this.buffer += text;

    const lineBreak = /\r\n|\r|\n/g;
    let start = 0;
    let match: RegExpExecArray | null;
    while ((match = lineBreak.exec(this.buffer)) !== null) {
      // A trailing lone "\r" is still a complete line end; sawCR handles its "\n".
      this.processLine(this.buffer.slice(start, match.index), out);
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** End of stream: per spec an unterminated final event is dropped. */
  reset(): void {
    this.buffer = '';
    this.eventName = '';
    this.dataLines = [];
    this.sawCR = false;
  }

  private processLine(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.dataLines.length > 0) {
        out.push({ event: this.eventName || 'message', data: this.dataLines.join('\n') });
      }
      this.eventName = '';
      this.dataLines = [];
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
  }
}
