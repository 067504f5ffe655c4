import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { PlanDocument } from '../../core/document-model.ts';
import type { Audience, ChatTurn, Citation } from '../../core/wire/chat-wire.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { RetrievalResult } from '../retrieval/retrieval-types.ts';
import type { Answerability } from './decide-answerability.ts';
import type { EvidenceQuery } from './select-evidence.ts';

/** Everything composition needs: the question, who asks, what retrieval found, the decision and the policy. */
export interface AnswerContext {
  question: string;
  history: readonly ChatTurn[];
  mode: Audience;
  retrieval: RetrievalResult;
  decision: Answerability;
  document: PlanDocument;
  evidenceQuery: EvidenceQuery;
  policy: AnswerPolicy;
  /** The question's informative words with their specificity (informativeWords): what a related quote must share. */
  questionWords?: ReadonlyMap<string, number>;
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
  /** LangChain callbacks (tracing) for the model calls of this answer. */
  callbacks?: Callbacks;
  /** Receives the answer text as it is produced, for streaming. */
  onDelta?: (text: string) => void;
}
