import { articleByNumber, normalizedDocumentText } from '../../core/plan-lookup.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';
import { isListedColloquialWord } from '../query/colloquial-expansion.ts';
import type { RetrievalHit } from '../retrieval/retrieval-types.ts';
import type { AnswerContext, DraftAnswer } from './answer-types.ts';
import { uniqueCitations } from './citation-of.ts';
import { citizenLead, composeArticles } from './compose-articles.ts';
import { composeGoals, composePartOverview } from './compose-lists.ts';
import { composeRefusal } from './compose-refusal.ts';
import { composeTrainer } from './compose-trainer.ts';
import { QuoteWriter } from './quote-writer.ts';

/**
 * The offline answer: every line is a verbatim quote of the document followed by its citation marker, or connective
 * text from data/answer-templates.json around such quotes. It states nothing else. Pure.
 */
export function composeExtractive(context: AnswerContext): DraftAnswer {
  const { decision, document, policy } = context;
  if (decision.kind !== 'answer') return composeRefusal(context);
  const writer = new QuoteWriter(document, policy.templates);
  const articles = decision.hits.flatMap((hit) =>
    hit.article === null ? [] : [articleByNumber(document, hit.article)!],
  );
  const structural = decision.hits.every((hit) => hit.via === 'structure');
  const { named } = context.retrieval;
  const wholePart = structural && named.parts.length > 0 && named.articles.length === 0;
  const goalsArticle = document.mainGoals[0]?.articleNumber;
  const aboutGoals =
    articles.length === 1 &&
    articles[0]!.number === goalsArticle &&
    (context.goalOrdinal !== undefined || context.retrieval.analyzed.asksForGoals);

  if (aboutGoals) composeGoals(context, articles[0]!, writer);
  else if (context.mode === 'trainer') composeTrainer(context, articles, structural, writer);
  else if (wholePart) composePartOverview(context, articles, writer);
  else composeArticles(context, articles, structural, writer);

  const { lines, citations } = writer;
  const unsaid = phrasesTheDocumentDoesNotUse(context);
  if (unsaid.length > 0 && context.mode !== 'trainer') {
    // Say so when the resident's own word is not the plan's (取暖 → 清洁供暖): the quotes are the nearest wording, not an echo.
    const { fill } = policy.templates;
    if (context.mode === 'citizen' && lines[0] === fill(citizenLead(context)))
      lines[0] = fill('citizen.notInDocument', { phrases: unsaid.join('、') });
    else lines.unshift(fill('staff.notInDocument', { phrases: unsaid.join('、') }));
  }
  const premiseLine = premiseNote(context, citations);
  if (premiseLine) {
    const { fill } = policy.templates;
    if (context.mode === 'citizen' && lines[0] === fill(citizenLead(context)))
      lines[0] = premiseLine;
    else lines.unshift(premiseLine);
  }
  const cited = new Set(citations.map((citation) => citation.article));
  const related = context.retrieval.hits
    .filter(
      (hit): hit is RetrievalHit & { article: number } =>
        hit.article !== null && !cited.has(hit.article),
    )
    .slice(0, policy.answerability.related)
    .map((hit) => ({ article: hit.article, title: hit.title }));
  return {
    answer: lines.join('\n'),
    answered: true,
    citations: uniqueCitations(citations),
    related,
  };
}

/**
 * For a question built on a claim (analysis: premise): a denial whose words none of the quotes repeat (为什么不再搞清洁供暖了
 * → the plan says 推动城区基本实现清洁供暖全覆盖) is said not to be the plan's; hearsay, and a denial the quotes do repeat
 * (淘汰落后产能), is to be checked against the quotes that follow. Null for a question without a claim. Pure.
 */
function premiseNote(context: AnswerContext, citations: Citation[]): string | null {
  const { premise } = context.retrieval.analyzed;
  if (!premise || citations.length === 0) return null;
  const { fill } = context.policy.templates;
  const repeated = citations.some((citation) => citation.quote.includes(premise.cue));
  return premise.kind === 'denial' && !repeated
    ? fill('premise.mismatch', { claim: premise.cue })
    : fill('premise.check');
}

/**
 * Everyday phrases of the question that the document never uses (digits excluded: they are not the plan's figures).
 * A word the document uses somewhere, even outside the cited articles, gets no such note: the note would be false.
 */
function phrasesTheDocumentDoesNotUse(context: AnswerContext): string[] {
  const wholeText = normalizedDocumentText(context.document);
  // A pattern's match (开个奶茶店) is a phrasing, not a word the plan could have used; nor is an English one
  // (civilized city): the note compares the asker's Chinese wording with the plan's.
  return context.retrieval.expandedFrom.filter(
    (phrase) =>
      isListedColloquialWord(phrase, context.policy.termMap) &&
      !/[0-9A-Za-z]/.test(phrase) &&
      !wholeText.includes(phrase),
  );
}
