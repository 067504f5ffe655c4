// Shapes of the HTTP API (see the server contract) and of the page's own state.

// The chat and study-pack shapes are the server's own (type-only imports: nothing of the server is bundled).
import type {
  Audience,
  ChatResponse as ServerChatResponse,
  ChatTurn,
  Citation,
} from '../../core/wire/chat-wire.ts';
import type { DiscussionQuestion, KeyTerm, StudyPack } from '../../core/wire/study-pack-wire.ts';
import type { FeedbackRating } from '../../core/wire/insight-wire.ts';

export type { Citation, FeedbackRating, StudyPack };
export type { QuizItem, StudyOutlineItem, StudyPoint } from '../../core/wire/study-pack-wire.ts';
export type Mode = Audience;
export type ChatResponse = ServerChatResponse;
export type HistoryItem = ChatTurn;
export type RelatedArticle = ServerChatResponse['related'][number];
export type StudyKeyTerm = KeyTerm;
export type StudyDiscussion = DiscussionQuestion;

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
  /** The server's note on this answer (e.g. that a model's answer cited nothing). */
  notice?: string;
  /** Readable Chinese error text when status is 'error'. */
  error?: string;
  /** The server's name for this answer, for 有帮助 / 没帮助 (absent when its question log is off). */
  answerId?: string;
  /** The reader's vote on this answer, once the server has recorded it. */
  feedback?: { rating: FeedbackRating; comment?: string };
}

export type Message = UserMessage | AssistantMessage;

// ---- study packs (POST /api/study) ----

export type StudyRequest = ({ part: number } | { articles: number[] } | { topic: string }) & {
  questions: number;
};

// ---- life topics and glossary: the server's wire types ----

export type {
  TopicArticle,
  TopicDetail as Topic,
  TopicSummary,
} from '../../core/wire/topic-wire.ts';
export type {
  ArticleQuote,
  GlossaryTermView as GlossaryTerm,
} from '../../core/wire/glossary-wire.ts';
