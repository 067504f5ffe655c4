import type { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '../config.ts';

/**
 * The one place that builds a chat model from configuration: ChatOpenAI for any OpenAI-compatible endpoint (OpenAI,
 * DeepSeek, Qwen's compatible mode, Ollama, vLLM), only when OPENAI_API_KEY or OPENAI_BASE_URL is set.
 */
export async function createChatModel(
  config: Pick<AppConfig, 'chatModel'>,
): Promise<ChatOpenAI | null> {
  if (!config.chatModel) return null;
  // Loaded only when a model is configured: offline, the package is never imported (it takes seconds).
  const { ChatOpenAI } = await import('@langchain/openai');
  const { model, baseURL, apiKey } = config.chatModel;
  return new ChatOpenAI({
    model,
    // Local servers need no key, but the client insists on one.
    apiKey: apiKey ?? 'not-needed',
    configuration: { baseURL },
    temperature: 0.2,
    // Retries are ours to decide: the offline fallback is immediate.
    maxRetries: 0,
    // The request stays what any OpenAI-compatible server accepts (no stream_options).
    streamUsage: false,
  });
}
