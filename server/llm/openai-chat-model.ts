import OpenAI from 'openai';
import { ProviderError } from '../errors.ts';
import type { ChatEvent, ChatMessage, ChatModel } from './chat-model.ts';

export interface OpenAIChatModelOptions {
  model: string;
  baseURL?: string;
  apiKey?: string;
  /** Whole-call limit, including a stream that stops sending. */
  timeoutMs: number;
}

/** Any OpenAI-compatible chat-completions endpoint: OpenAI, DeepSeek, Qwen (compatible mode), Ollama, vLLM. */
export class OpenAIChatModel implements ChatModel {
  readonly id: string;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAIChatModelOptions) {
    this.id = `openai-compatible:${options.model}`;
    // Local servers need no key, but the SDK insists on one. Retries are ours to decide: the fallback is immediate.
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? 'not-needed',
      timeout: options.timeoutMs,
      maxRetries: 0,
    });
  }

  async *stream(
    messages: ChatMessage[],
    { signal }: { signal?: AbortSignal },
  ): AsyncIterable<ChatEvent> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const stream = await this.client.chat.completions.create(
        { model: this.options.model, messages, stream: true, temperature: 0.2 },
        { signal: combined },
      );
      for await (const chunk of stream) {
        const text = chunk.choices?.[0]?.delta?.content;
        if (typeof text === 'string' && text !== '') yield { type: 'delta', text };
      }
      // The SDK ends an aborted stream quietly; a stream cut short by the time limit or the client is not an answer.
      if (combined.aborted) throw combined.reason;
    } catch (error) {
      if (signal?.aborted) throw error;
      throw toProviderError(error, this.options.model, timeout.aborted);
    }
  }
}

function toProviderError(error: unknown, model: string, timedOut: boolean): ProviderError {
  if (timedOut) return new ProviderError(`model ${model} timed out`, true, { cause: error });
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const retryable = error.status === 429 || error.status >= 500;
    return new ProviderError(`model ${model} answered HTTP ${error.status}`, retryable, {
      cause: error,
    });
  }
  return new ProviderError(
    `model ${model} failed: ${error instanceof Error ? error.message : String(error)}`,
    true,
    { cause: error },
  );
}
