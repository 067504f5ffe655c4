// The body of POST /api/conversation/export: the conversation as the page holds it. Pure types, shared by the
// server and the web page.
import type { Audience, Citation } from './chat-wire.ts';

export interface ExportedQuestion {
  role: 'user';
  content: string;
}

export interface ExportedAnswer {
  role: 'assistant';
  content: string;
  /** streaming: the page was still receiving it; stopped: the reader stopped it; error: it failed. */
  status: 'streaming' | 'done' | 'stopped' | 'error';
  answered: boolean;
  /** Only `article` and `quote` are relied on: titles are taken from the document. */
  citations: Array<Pick<Citation, 'article' | 'quote'> & Partial<Citation>>;
  related: Array<{ article: number; title?: string }>;
  provider: string;
}

export interface ConversationExportRequest {
  mode: Audience;
  messages: Array<ExportedQuestion | ExportedAnswer>;
}
