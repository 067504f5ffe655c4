import type { AppConfig } from '../config.ts';
import type { ChatModel } from './chat-model.ts';
import { OpenAIChatModel } from './openai-chat-model.ts';

/** The one place that decides whether a language model is used: only when OPENAI_API_KEY or OPENAI_BASE_URL is set. */
export function createChatModel(config: Pick<AppConfig, 'chatModel'>): ChatModel | null {
  return config.chatModel ? new OpenAIChatModel(config.chatModel) : null;
}
