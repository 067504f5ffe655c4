import type { PlanDocument } from '../../core/document-model.ts';
import type { Answerability } from '../chat/answerability.ts';
import type { Audience, ChatTurn, Citation } from '../../core/wire/chat-wire.ts';
import type { RetrievalResult } from '../retrieval/retrieval-types.ts';
import type { EvidenceQuery } from './select-evidence.ts';

/** Everything an answerer needs: the question, who asks, what retrieval found and whether it suffices. */
export interface AnswerContext {
  question: string;
  history: ChatTurn[];
  mode: Audience;
  retrieval: RetrievalResult;
  decision: Answerability;
  document: PlanDocument;
  evidenceQuery: EvidenceQuery;
  /** Set when a follow-up picks one of the main goals by position (那第二个目标呢). */
  goalOrdinal?: number;
}

export interface DraftAnswer {
  answer: string;
  answered: boolean;
  citations: Citation[];
  related: Array<{ article: number; title: string }>;
  notice?: string;
}

export interface AnswerOptions {
  signal?: AbortSignal;
  /** Receives the answer text as it is produced, for streaming. */
  onDelta?: (text: string) => void;
}

/** Produces an answer; the offline (extractive) and language-model answerers both satisfy this. */
export interface Answerer {
  readonly id: string;
  answer(context: AnswerContext, options?: AnswerOptions): Promise<DraftAnswer>;
}
