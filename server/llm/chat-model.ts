/** A message in the chat-completions format every OpenAI-compatible server accepts. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ChatEvent = { type: 'delta'; text: string };

/** A language model that streams text. Implementations throw ProviderError when the provider fails. */
export interface ChatModel {
  readonly id: string;
  stream(messages: ChatMessage[], options: { signal?: AbortSignal }): AsyncIterable<ChatEvent>;
}

/** Runs a model to completion and returns the whole text (for short internal calls such as condensing a follow-up). */
export async function completeText(
  model: ChatModel,
  messages: ChatMessage[],
  signal?: AbortSignal,
): Promise<string> {
  let text = '';
  for await (const event of model.stream(messages, { signal })) text += event.text;
  return text;
}
