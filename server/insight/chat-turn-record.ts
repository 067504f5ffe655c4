import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import type { ChatTurnRecord } from './question-log.ts';

/** What the log keeps of a chat turn: the question and what became of it; never the history or who asked. */
export function chatTurnRecord(
  question: string,
  answer: ChatResponse,
  refusal: string | undefined,
  latencyMs: number,
): ChatTurnRecord {
  return {
    question: question.trim(),
    mode: answer.mode,
    answered: answer.answered,
    refusal: answer.answered ? null : (refusal ?? null),
    articles: [...new Set(answer.citations.map((citation) => citation.article))],
    provider: answer.provider,
    latencyMs,
  };
}
