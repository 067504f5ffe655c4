import { completeText, type ChatModel } from '../llm/chat-model.ts';
import { fill } from './answer-templates.ts';
import { renderPrompt } from '../llm/render-prompt.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';

const CONVERSATION_TURNS = 6;
const MAX_CONDENSED_CHARS = 300;

/** With a model configured, a follow-up is rewritten into a standalone question for retrieval. */
export async function condenseFollowUp(model: ChatModel, question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string | null> {
  const conversation = history
    .slice(-CONVERSATION_TURNS)
    .map((turn) => `${fill(`roles.${turn.role}`)}：${turn.content.slice(0, 400)}`)
    .join('\n');
  const text = await completeText(model, [{ role: 'user', content: renderPrompt('condense-followup', { conversation, question }) }], signal);
  const condensed = text.trim().split('\n')[0]?.trim() ?? '';
  return condensed.length > 0 && condensed.length <= MAX_CONDENSED_CHARS ? condensed : null;
}
