import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { ModelAnswerer } from '../answering/model-answerer.ts';
import { LanguageModel, type ModelCallOptions } from '../llm/language-model.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { condenseFollowUp } from './condense-followup.ts';

/** What answering with a model takes: the model under its time limit, the answerer and the follow-up rewrite. */
export interface ModelPath {
  answerer: ModelAnswerer;
  condense(
    question: string,
    history: readonly ChatTurn[],
    policy: AnswerPolicy,
    options: ModelCallOptions,
  ): Promise<string | null>;
}

export function createModelPath(
  chatModel: BaseChatModel,
  timeoutMs: number,
  idf: (token: string) => number,
): ModelPath {
  const model = new LanguageModel(chatModel, timeoutMs);
  return {
    answerer: new ModelAnswerer(model, idf),
    condense: (question, history, policy, options) =>
      condenseFollowUp(model, question, history, policy, options),
  };
}
