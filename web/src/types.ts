// Shapes of the HTTP API (see the server contract) and of the page's own state.

export type Mode = 'staff' | 'citizen' | 'trainer';

export interface Citation {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  quote: string;
}

export interface RelatedArticle {
  article: number;
  title: string;
}

export interface ChatResponse {
  answer: string;
  answered: boolean;
  citations: Citation[];
  related: RelatedArticle[];
  mode: string;
  provider: string;
}

export interface HistoryItem {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  message: string;
  history?: HistoryItem[];
  mode?: Mode;
}

export interface OutlinePart {
  part: number;
  title: string;
  articles: RelatedArticle[];
}

export interface Outline {
  parts: OutlinePart[];
}

export interface Article {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  text: string;
}

export interface SearchHit {
  article: number | null;
  title: string;
  part: number;
  score: number;
  snippet: string;
}

export interface SearchResponse {
  query: string;
  results: SearchHit[];
}

// ---- conversation state (persisted in localStorage) ----

export interface UserMessage {
  id: string;
  role: 'user';
  content: string;
}

export type AssistantStatus = 'streaming' | 'done' | 'stopped' | 'error';

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  content: string;
  status: AssistantStatus;
  answered: boolean;
  citations: Citation[];
  related: RelatedArticle[];
  provider: string;
  /** Readable Chinese error text when status is 'error'. */
  error?: string;
}

export type Message = UserMessage | AssistantMessage;
