/**
 * The plan inside a LangChain.js app of one's own: one RunnableSequence asks the plan's retriever for the passages
 * and the plan's chat service for the checked answer, in parallel, then formats both its own way.
 *
 *   npx tsx examples/lcel-chain.ts "冬天取暖有什么打算？"
 *
 * Offline by default. With OPENAI_API_KEY / OPENAI_BASE_URL set, the answer comes from that model; to use any other
 * LangChain chat model, pass it: createChatService({ chatModel }).
 */
import type { Document } from '@langchain/core/documents';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import {
  createChatService,
  createPlanRetriever,
  type ChatResponse,
  type PlanDocumentMetadata,
} from 'guihua-wenda';

interface Gathered {
  question: string;
  passages: Document<PlanDocumentMetadata>[];
  answer: ChatResponse;
}

function report({ question, passages, answer }: Gathered): string {
  const sources = passages.map(
    ({ metadata }) => `  ${metadata.citation ?? ''}${metadata.title}（${metadata.score}）`,
  );
  const quotes = answer.citations.map(
    (citation) => `  〔第${citation.article}条〕“${citation.quote}”`,
  );
  return [
    `问：${question}`,
    '检索到的条文：',
    ...sources,
    `回答（${answer.provider}）：`,
    answer.answer,
    '引文：',
    ...quotes,
  ].join('\n');
}

export const chain = RunnableSequence.from<string, string>([
  {
    question: new RunnablePassthrough<string>(),
    passages: createPlanRetriever({ k: 3 }),
    answer: createChatService(),
  },
  report,
]);

const question = process.argv[2] ?? '冬天取暖有什么打算？';
console.log(await chain.invoke(question));
