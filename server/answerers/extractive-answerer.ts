import type { Article } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { isListedColloquialWord } from '../retrieval/colloquial-expansion.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';
import { citationMarker, fill } from '../chat/answer-templates.ts';
import type { RetrievalHit } from '../retrieval/retrieval-types.ts';
import type { AnswerContext, AnswerOptions, Answerer, DraftAnswer } from './answerer.ts';
import { citationOf, uniqueCitations } from './citation-of.ts';
import { composeRefusal } from './compose-refusal.ts';
import { articleByNumber, bestSentences, leadingSentences, type Evidence } from './select-evidence.ts';

/** How many sentences each audience gets from the first article and from each further one, and in all. */
const BUDGET = {
  staff: { first: 3, more: 2, total: 8 },
  citizen: { first: 3, more: 1, total: 4 },
  trainer: { first: 3, more: 3, total: 12, single: 5 },
} as const;

/**
 * The offline answerer: every sentence of its answer is a verbatim quote of the document followed by its citation
 * marker, or connective text from data/answer-templates.json around such quotes. It states nothing else.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly id = 'offline';

  async answer(context: AnswerContext, options: AnswerOptions = {}): Promise<DraftAnswer> {
    const draft = composeExtractive(context);
    // Stream line by line, as a model would stream tokens, so the page behaves the same either way.
    if (options.onDelta) for (const line of draft.answer.split(/(?<=\n)/)) options.onDelta(line);
    return draft;
  }
}

export function composeExtractive(context: AnswerContext): DraftAnswer {
  const { decision } = context;
  if (decision.kind !== 'answer') return composeRefusal(context);
  const lines: string[] = [];
  const citations: Citation[] = [];
  const quote = (evidence: Evidence, prefix = '') => {
    lines.push(`${prefix}${fill('quote', { quote: evidence.sentence.text })}${citationMarker(evidence.article.number)}`);
    citations.push(citationOf(context.document, evidence.article, evidence.sentence.text));
  };
  const articles = decision.hits.flatMap((hit) => (hit.article === null ? [] : [articleByNumber(context.document, hit.article)!]));
  const structural = decision.hits.every((hit) => hit.via === 'structure');
  const wholePart = structural && context.retrieval.named.parts.length > 0 && context.retrieval.named.articles.length === 0;

  const aboutGoals = articles.length === 1 && articles[0]!.number === goalsArticle(context) && (context.goalOrdinal !== undefined || asksForGoals(context));
  if (aboutGoals) composeGoals(context, articles[0]!, quote, lines);
  else if (context.mode === 'trainer') composeTrainer(context, articles, structural, quote, lines);
  else if (wholePart) composePartOverview(context, articles, quote, lines);
  else composeArticles(context, articles, structural, quote, lines);

  const unsaid = phrasesTheDocumentDoesNotUse(context, citations);
  if (unsaid.length > 0 && context.mode !== 'trainer') {
    // Say so when the resident's own word is not the plan's (取暖 → 清洁供暖): the quotes are the nearest wording, not an echo.
    if (context.mode === 'citizen' && lines[0] === fill('citizen.lead')) lines[0] = fill('citizen.notInDocument', { phrases: unsaid.join('、') });
    else lines.unshift(fill('staff.notInDocument', { phrases: unsaid.join('、') }));
  }
  const cited = new Set(citations.map((citation) => citation.article));
  const related = context.retrieval.hits
    .filter((hit): hit is RetrievalHit & { article: number } => hit.article !== null && !cited.has(hit.article))
    .slice(0, 3)
    .map((hit) => ({ article: hit.article, title: hit.title }));
  return { answer: lines.join('\n'), answered: true, citations: uniqueCitations(citations), related };
}

type Quote = (evidence: Evidence, prefix?: string) => void;

/** Everyday phrases of the question that none of the cited articles uses (digits excluded: they are not the plan's figures). */
function phrasesTheDocumentDoesNotUse(context: AnswerContext, citations: Citation[]): string[] {
  const citedText = normalizeForMatch([...new Set(citations.map((citation) => citation.article))].map((number) => articleByNumber(context.document, number)?.text ?? '').join('\n'));
  // A pattern's match (开个奶茶店) is a phrasing, not a word the plan could have used.
  return context.retrieval.expandedFrom.filter((phrase) => isListedColloquialWord(phrase) && !/[0-9]/.test(phrase) && !citedText.includes(phrase));
}

/**
 * The sentences to quote from an article: those that match the question best; or, when the question is about the
 * article's subject as a whole (教育方面呢 → 办好人民满意教育) or names it by number, its opening sentences first.
 */
function evidenceFor(context: AnswerContext, article: Article, structural: boolean, limit: number): Evidence[] {
  const matched = bestSentences(article, context.evidenceQuery, limit).filter((evidence) => evidence.score > 0);
  const ownWords = context.evidenceQuery.terms.filter((term) => term.weight === 1 && term.token.length > 1);
  // An article named by number is asked about as a whole, as is one whose title holds every word of the question.
  const aboutWholeArticle = ownWords.every((term) => article.title.includes(term.token)) && (structural || ownWords.length > 0);
  if (matched.length === 0) return structural ? leadingSentences(article, limit) : bestSentences(article, context.evidenceQuery, limit);
  if (!aboutWholeArticle) return matched;
  const leading = leadingSentences(article, Math.min(2, limit));
  const rest = matched.filter((evidence) => !leading.some((lead) => lead.position === evidence.position));
  return [...leading, ...rest].slice(0, limit).sort((left, right) => left.position - right.position);
}

function composeArticles(context: AnswerContext, articles: Article[], structural: boolean, quote: Quote, lines: string[]): void {
  const budget = BUDGET[context.mode];
  let used = 0;
  articles.forEach((article, index) => {
    const limit = Math.min(index === 0 ? budget.first : budget.more, budget.total - used);
    if (limit <= 0) return;
    const evidence = evidenceFor(context, article, structural, structural && context.mode === 'staff' ? limit + 1 : limit);
    if (context.mode === 'citizen') {
      if (index === 0) lines.push(fill('citizen.lead'));
    } else if (structural) {
      const part = context.document.parts.find((candidate) => candidate.number === article.partNumber)!;
      lines.push(fill('staff.articleOverview', { article: article.number, title: article.title, partChinese: toChineseNumeral(part.number), partTitle: part.title }));
    } else {
      lines.push(fill(index === 0 ? 'staff.lead' : 'staff.leadMore', { article: article.number, title: article.title }));
    }
    for (const item of evidence) quote(item);
    used += evidence.length;
  });
}

function composePartOverview(context: AnswerContext, articles: Article[], quote: Quote, lines: string[]): void {
  const part = context.document.parts.find((candidate) => candidate.number === articles[0]?.partNumber)!;
  lines.push(fill('staff.partOverview', { partChinese: toChineseNumeral(part.number), partTitle: part.title }));
  for (const article of articles) {
    const [lead] = leadingSentences(article, 1);
    if (lead) quote(lead, fill('staff.partArticleLine', { article: article.number, title: article.title }));
  }
}

function composeTrainer(context: AnswerContext, articles: Article[], structural: boolean, quote: Quote, lines: string[]): void {
  lines.push(fill('trainer.heading'));
  // One article named for a study session gets a fuller set of points than several articles each.
  const perArticle = articles.length > 3 ? 2 : articles.length === 1 ? BUDGET.trainer.single : BUDGET.trainer.first;
  articles.forEach((article, index) => {
    lines.push(fill('trainer.articleHeading', { ordinal: toChineseNumeral(index + 1), article: article.number, title: article.title }));
    evidenceFor(context, article, structural, perArticle).forEach((evidence, point) => quote(evidence, fill('trainer.point', { index: point + 1 })));
  });
  lines.push(fill('trainer.discussion'));
  for (const article of articles.slice(0, 2)) lines.push(fill('trainer.discussionQuestion', { article: article.number, title: article.title }));
}

/** 主要目标: the eight goal headlines, or one goal in full when the question picks one (那第二个目标呢). */
function composeGoals(context: AnswerContext, article: Article, quote: Quote, lines: string[]): void {
  const goals = context.document.mainGoals.filter((goal) => goal.articleNumber === article.number);
  const picked = context.goalOrdinal ? goals[context.goalOrdinal - 1] : undefined;
  const sentenceAt = (start: number, end: number) => splitSentences(article.text.slice(start, end)).map((sentence) => ({
    article, score: 0, position: 1, sentence: { text: sentence.text, start: start + sentence.start, end: start + sentence.end },
  }));
  if (picked) {
    lines.push(fill('staff.goalLead', { ordinal: toChineseNumeral(context.goalOrdinal!) }));
    for (const evidence of sentenceAt(picked.start, picked.end)) quote(evidence);
    return;
  }
  lines.push(fill('staff.goalsLead'));
  for (const goal of goals) {
    const [headline] = sentenceAt(goal.start, goal.end);
    if (headline) quote(headline);
  }
}

function goalsArticle(context: AnswerContext): number | undefined {
  return context.document.mainGoals[0]?.articleNumber;
}

function asksForGoals(context: AnswerContext): boolean {
  const text = `${context.retrieval.focusedQuery} ${context.question}`;
  return /目标/.test(text) && !/2035|二〇三五|远景/.test(text);
}
