import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

/**
 * The name a chat model's answers report as their `provider`: openai-compatible:<model> for ChatOpenAI (which calls
 * itself `openai` but speaks to any OpenAI-compatible endpoint), <type>[:<model>] for any other (ollama:qwen2.5).
 */
export function chatModelId(chatModel: BaseChatModel): string {
  const type = chatModel._llmType();
  const name = (chatModel as { model?: unknown }).model;
  const provider = type === 'openai' ? 'openai-compatible' : type;
  return typeof name === 'string' && name !== '' ? `${provider}:${name}` : provider;
}
