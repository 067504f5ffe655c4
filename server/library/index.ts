/**
 * guihua-wenda as a library: the plan's retriever and chat service for LangChain.js apps, and the whole application
 * with a chat model of one's own.
 */
export {
  createPlanRetriever,
  PlanRetriever,
  type PlanDocumentMetadata,
  type PlanRetrieverOptions,
} from './plan-retriever.ts';
export {
  createChatService,
  PlanChat,
  type ChatInput,
  type ChatServiceOptions,
} from './plan-chat.ts';
export { createApp, type CreateAppOptions } from './create-app.ts';
export type { PlanOptions } from './plan-options.ts';
export {
  AUDIENCES,
  type Audience,
  type ChatResponse,
  type ChatTurn,
  type Citation,
} from '../../core/wire/chat-wire.ts';
