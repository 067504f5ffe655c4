import { citationMarker, fill } from '../chat/answer-templates.ts';
import { ProviderError } from '../errors.ts';
import type { ChatMessage, ChatModel } from '../llm/chat-model.ts';
import { renderPrompt } from '../llm/render-prompt.ts';
import type { AnswerContext, AnswerOptions, Answerer, DraftAnswer } from './answerer.ts';
import { articleByNumber } from './select-evidence.ts';
import { verifyCitations } from './verify-citations.ts';

/** Earlier turns the model sees, newest last; older ones add cost without helping. */
const HISTORY_TURNS = 6;
const HISTORY_CHARS = 600;

/**
 * Answers with a language model that sees only the retrieved articles, then checks its citations against the
 * document (see verifyCitations). Provider failures propagate as ProviderError for the caller's fallback.
 */
export class ModelAnswerer implements Answerer {
  readonly id: string;

  constructor(private readonly model: ChatModel, private readonly idf: (token: string) => number) {
    this.id = model.id;
  }

  async answer(context: AnswerContext, options: AnswerOptions = {}): Promise<DraftAnswer> {
    if (context.decision.kind !== 'answer') throw new Error('the model answers only answerable questions');
    const articles = context.decision.hits.flatMap((hit) => (hit.article === null ? [] : [articleByNumber(context.document, hit.article)!]));
    const messages = buildMessages(context, articles.map((article) => `${citationMarker(article.number)}${article.title}\n${article.text}`).join('\n\n'));
    let text = '';
    for await (const event of this.model.stream(messages, { signal: options.signal })) {
      text += event.text;
      options.onDelta?.(event.text);
    }
    // A stream that carried no text is a failed call, not an answer: the caller falls back to the offline answer.
    if (text.trim() === '') throw new ProviderError(`model ${this.model.id} returned no text`, true);
    const verified = verifyCitations(text, context.document, articles.map((article) => article.number), this.idf);
    const notices: string[] = [];
    if (verified.removedMarkers.length > 0) notices.push(fill('notices.removedMarkers'));
    if (verified.citations.length === 0) notices.push(fill('notices.uncited'));
    const cited = new Set(verified.citations.map((citation) => citation.article));
    return {
      answer: verified.answer.trim(),
      answered: true,
      citations: verified.citations,
      related: articles.filter((article) => !cited.has(article.number)).map((article) => ({ article: article.number, title: article.title })),
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }
}

function buildMessages(context: AnswerContext, articlesText: string): ChatMessage[] {
  const system = renderPrompt('system', {
    document_title: context.document.title,
    audience_instructions: renderPrompt(`audience-${context.mode}`, {}),
    articles: articlesText,
  });
  const history = context.history.slice(-HISTORY_TURNS).map((turn) => ({ role: turn.role, content: turn.content.slice(0, HISTORY_CHARS) }));
  return [{ role: 'system', content: system }, ...history, { role: 'user', content: renderPrompt('user-question', { question: context.question }) }];
}
