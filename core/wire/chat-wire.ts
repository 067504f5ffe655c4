/** The audiences the assistant writes for. */
export const AUDIENCES = ['staff', 'citizen', 'trainer'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A cited sentence: `quote` is always a verbatim substring of the article's text as served by GET /api/articles/:n. */
export interface Citation {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  quote: string;
}

/** The body of a POST /api/chat answer (and of the SSE `done` event). */
export interface ChatResponse {
  answer: string;
  answered: boolean;
  citations: Citation[];
  related: Array<{ article: number; title: string }>;
  mode: Audience;
  /** offline | offline-fallback | openai-compatible:<model> | <type>:<model> for another LangChain chat model */
  provider: string;
  /** A visible note for the reader, e.g. that the model failed and the answer is extractive. */
  notice?: string;
  /** Names this answer for POST /api/feedback; absent when the question log is off (QUESTION_LOG=off). */
  answerId?: string;
}
