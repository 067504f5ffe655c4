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

// ---- study packs (POST /api/study) ----

export type StudyRequest = ({ part: number } | { articles: number[] } | { topic: string }) & { questions: number };

export interface StudyPoint {
  quote: string;
  citation: Citation;
}

export interface StudyOutlineItem {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  points: StudyPoint[];
}

export interface StudyKeyTerm {
  term: string;
  article: number;
  quote: string;
}

export interface StudyDiscussion {
  question: string;
  articles: number[];
}

export interface QuizItem {
  id: string;
  type: 'fill-blank' | 'multiple-choice';
  prompt: string;
  options?: string[];
  answer: string;
  article: number;
  /** The sentence the item is built from, verbatim. */
  quote: string;
}

export interface StudyPack {
  title: string;
  selection: { kind: 'part' | 'articles' | 'topic'; part?: number; topic?: string; articles: number[] };
  outline: StudyOutlineItem[];
  keyTerms: StudyKeyTerm[];
  discussion: StudyDiscussion[];
  quiz: QuizItem[];
  provider: string;
}

// ---- life topics (GET /api/topics, /api/topics/:id) ----

export interface TopicSummary {
  id: string;
  name: string;
  /** Plain-language heading for citizens. */
  heading: string;
  articleCount: number;
  sentenceCount: number;
}

export interface TopicArticle {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  /** Sentences of the article about this topic, verbatim. */
  sentences: Array<{ quote: string }>;
}

export interface Topic {
  id: string;
  name: string;
  heading: string;
  articles: TopicArticle[];
}

// ---- glossary (GET /api/glossary) ----

export interface ArticleQuote {
  article: number;
  quote: string;
}

export interface GlossaryTerm {
  term: string;
  kind: string;
  articles: number[];
  /** Only when the document itself explains the term. */
  definition?: ArticleQuote;
  occurrences: ArticleQuote[];
}
