import type { z } from 'zod';
import type { CallbackManagerForChainRun } from '@langchain/core/callbacks/manager';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Runnable, type RunnableConfig } from '@langchain/core/runnables';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { createServices, type Services } from '../create-services.ts';
import { ChatRequestSchema, type ChatRequestBody } from '../routes/chat-schema.ts';
import { validate } from '../routes/validate.ts';
import { loadOnce, planConfig, planLogger, type PlanOptions } from './plan-options.ts';

/** A question, or a whole /api/chat request body: `{ message, history?, mode? }`. */
export type ChatInput = string | z.input<typeof ChatRequestSchema>;

export interface ChatServiceOptions extends PlanOptions {
  /**
   * Any LangChain chat model to answer with. Without one, the model configured by OPENAI_API_KEY / OPENAI_BASE_URL
   * (ChatOpenAI), or none: the offline answer.
   */
  chatModel?: BaseChatModel;
}

/**
 * The chat service as a LangChain Runnable: a question (or a /api/chat body) in, the same JSON as POST /api/chat out,
 * verified citations and the offline fallback included. `signal` in the call's config cancels it; its callbacks
 * see the model calls as child runs.
 */
export class PlanChat extends Runnable<ChatInput, ChatResponse> {
  static override lc_name(): string {
    return 'PlanChat';
  }

  lc_namespace = ['guihua_wenda', 'chat'];

  constructor(private readonly open: () => Promise<Services>) {
    super();
  }

  override async invoke(
    input: ChatInput,
    options?: Partial<RunnableConfig>,
  ): Promise<ChatResponse> {
    return this._callWithConfig(this.respond.bind(this), input, options);
  }

  /** The provider answers come from: offline, or the model's id (openai-compatible:<model>, ollama:<model>, …). */
  async provider(): Promise<string> {
    return (await this.open()).chat.provider;
  }

  private async respond(
    input: ChatInput,
    config?: Partial<RunnableConfig>,
    runManager?: CallbackManagerForChainRun,
  ): Promise<ChatResponse> {
    const request: ChatRequestBody = validate(
      ChatRequestSchema,
      typeof input === 'string' ? { message: input } : input,
    );
    const { chat } = await this.open();
    return chat.respond(request, { signal: config?.signal, callbacks: runManager?.getChild() });
  }
}

/** A PlanChat over the index `npm start` uses (built on first use when missing or stale), with the given model. */
export function createChatService(options: ChatServiceOptions = {}): PlanChat {
  const config = planConfig(options);
  const logger = planLogger(options);
  return new PlanChat(
    loadOnce(() => createServices(config, logger, { chatModel: options.chatModel })),
  );
}
