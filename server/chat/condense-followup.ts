import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { condensePrompt } from '../llm/chat-prompts.ts';
import type { LanguageModel, ModelCallOptions } from '../llm/language-model.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';

/** With a model configured, a follow-up is rewritten into a standalone question for retrieval; null when unusable. */
export async function condenseFollowUp(
  model: LanguageModel,
  question: string,
  history: readonly ChatTurn[],
  policy: AnswerPolicy,
  options: ModelCallOptions = {},
): Promise<string | null> {
  const { condenseTurns, condenseTurnChars, condensedMaxChars } = policy.model;
  const conversation = history
    .slice(-condenseTurns)
    .map(
      (turn) =>
        `${policy.templates.fill(`roles.${turn.role}`)}：${turn.content.slice(0, condenseTurnChars)}`,
    )
    .join('\n');
  const text = await model.completeText(condensePrompt(), { conversation, question }, options);
  const condensed = text.trim().split('\n')[0]?.trim() ?? '';
  return condensed.length > 0 && condensed.length <= condensedMaxChars ? condensed : null;
}
