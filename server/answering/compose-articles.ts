import type { Article } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { partOf } from '../../core/plan-lookup.ts';
import type { AnswerContext } from './answer-types.ts';
import type { QuoteWriter } from './quote-writer.ts';
import { bestSentences, leadingSentences, type Evidence } from './select-evidence.ts';

/**
 * The sentences to quote from an article: those that match the question best; or, when the question is about the
 * article's subject as a whole (教育方面呢 → 办好人民满意教育) or names it by number, its opening sentences first.
 */
export function evidenceFor(
  context: AnswerContext,
  article: Article,
  structural: boolean,
  limit: number,
): Evidence[] {
  const matched = bestSentences(article, context.evidenceQuery, limit).filter(
    (evidence) => evidence.score > 0,
  );
  const ownWords = context.evidenceQuery.terms.filter(
    (term) => term.weight === 1 && term.token.length > 1,
  );
  // An article named by number is asked about as a whole, as is one whose title holds every word of the question.
  const aboutWholeArticle =
    ownWords.every((term) => article.title.includes(term.token)) &&
    (structural || ownWords.length > 0);
  if (matched.length === 0)
    return structural
      ? leadingSentences(article, limit)
      : bestSentences(article, context.evidenceQuery, limit);
  if (!aboutWholeArticle) return matched;
  const leading = leadingSentences(
    article,
    Math.min(context.policy.evidence.wholeArticleLead, limit),
  );
  const rest = matched.filter(
    (evidence) => !leading.some((lead) => lead.position === evidence.position),
  );
  return [...leading, ...rest]
    .slice(0, limit)
    .sort((left, right) => left.position - right.position);
}

/** Quotes from each article within the audience's budget: the first article most, further ones less. */
export function composeArticles(
  context: AnswerContext,
  articles: Article[],
  structural: boolean,
  writer: QuoteWriter,
): void {
  const { budgets } = context.policy;
  const budget = budgets[context.mode];
  let used = 0;
  articles.forEach((article, index) => {
    const limit = Math.min(index === 0 ? budget.first : budget.more, budget.total - used);
    if (limit <= 0) return;
    const extra = structural && context.mode === 'staff' ? budgets.staffStructuralExtra : 0;
    const evidence = evidenceFor(context, article, structural, limit + extra);
    if (context.mode === 'citizen') {
      if (index === 0) writer.say('citizen.lead');
    } else if (structural) {
      const part = partOf(context.document, article);
      writer.say('staff.articleOverview', {
        article: article.number,
        title: article.title,
        partChinese: toChineseNumeral(part.number),
        partTitle: part.title,
      });
    } else {
      writer.say(index === 0 ? 'staff.lead' : 'staff.leadMore', {
        article: article.number,
        title: article.title,
      });
    }
    for (const item of evidence) writer.quote(item);
    used += evidence.length;
  });
}
