import {
  ChatPromptTemplate,
  HumanMessagePromptTemplate,
  MessagesPlaceholder,
  SystemMessagePromptTemplate,
} from '@langchain/core/prompts';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { PromptFileTemplate } from './prompt-file-template.ts';

/**
 * The answer prompt: prompts/system.md (document_title, audience_instructions, articles), the conversation so far
 * (history), then prompts/user-question.md (question).
 */
export function answerPrompt(dir?: string): ChatPromptTemplate {
  return ChatPromptTemplate.fromMessages([
    new SystemMessagePromptTemplate(new PromptFileTemplate('system', { dir })),
    new MessagesPlaceholder('history'),
    new HumanMessagePromptTemplate(new PromptFileTemplate('user-question', { dir })),
  ]);
}

/** The follow-up rewrite: prompts/condense-followup.md (conversation, question) as one user message. */
export function condensePrompt(dir?: string): ChatPromptTemplate {
  return ChatPromptTemplate.fromMessages([
    new HumanMessagePromptTemplate(new PromptFileTemplate('condense-followup', { dir })),
  ]);
}

/** Conversation turns as LangChain messages, for the history placeholder. */
export function historyMessages(turns: readonly ChatTurn[]): BaseMessage[] {
  return turns.map((turn) =>
    turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content),
  );
}
