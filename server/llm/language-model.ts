import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { ChatPromptTemplate } from '@langchain/core/prompts';
import { ProviderError } from '../errors.ts';
import { chatModelId } from './chat-model-id.ts';

export interface ModelCallOptions {
  /** The caller's cancellation (a client that disconnected); its abort is passed on as is, not as a ProviderError. */
  signal?: AbortSignal;
  /** LangChain callbacks (tracing) for the prompt → model run. */
  callbacks?: Callbacks;
}

/**
 * Any LangChain chat model as the answerer calls it: prompt → model → text through `.stream()`, with a whole-call time
 * limit passed as the runnable's `signal`. Whatever the provider does wrong (HTTP errors, a broken or empty stream, a
 * timeout) becomes a ProviderError, which the chat service answers with the offline answer.
 */
export class LanguageModel {
  /** Reported as the answer's `provider` (see chatModelId). */
  readonly id: string;

  constructor(
    readonly chatModel: BaseChatModel,
    readonly timeoutMs: number,
  ) {
    this.id = chatModelId(chatModel);
  }

  async *streamText(
    prompt: ChatPromptTemplate,
    values: Record<string, unknown>,
    { signal, callbacks }: ModelCallOptions = {},
  ): AsyncIterable<string> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const chain = prompt.pipe(this.chatModel).pipe(new StringOutputParser());
      const stream = await chain.stream(values, { signal: combined, callbacks });
      for await (const text of stream) if (text !== '') yield text;
      // A stream cut short by the time limit or the client is not an answer, even if a model ends it quietly.
      if (combined.aborted) throw combined.reason;
    } catch (error) {
      if (signal?.aborted) throw error;
      throw toProviderError(error, this.id, timeout.aborted);
    }
  }

  /** The whole text (for short internal calls such as condensing a follow-up). */
  async completeText(
    prompt: ChatPromptTemplate,
    values: Record<string, unknown>,
    options: ModelCallOptions = {},
  ): Promise<string> {
    let text = '';
    for await (const piece of this.streamText(prompt, values, options)) text += piece;
    return text;
  }
}

function toProviderError(error: unknown, modelId: string, timedOut: boolean): ProviderError {
  if (timedOut) return new ProviderError(`model ${modelId} timed out`, true, { cause: error });
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    const retryable = status === 429 || status >= 500;
    return new ProviderError(`model ${modelId} answered HTTP ${status}`, retryable, {
      cause: error,
    });
  }
  return new ProviderError(
    `model ${modelId} failed: ${error instanceof Error ? error.message : String(error)}`,
    true,
    { cause: error },
  );
}
