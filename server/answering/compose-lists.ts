import type { Article } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { partOf } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { AnswerContext } from './answer-types.ts';
import type { QuoteWriter } from './quote-writer.ts';
import { leadingSentences, type Evidence } from './select-evidence.ts';

/** 第八部分讲了什么: each article of the part with its opening sentence, up to the audience's list budget. */
export function composePartOverview(
  context: AnswerContext,
  articles: Article[],
  writer: QuoteWriter,
): void {
  const part = partOf(context.document, articles[0]!);
  writer.say('staff.partOverview', {
    partChinese: toChineseNumeral(part.number),
    partTitle: part.title,
  });
  for (const article of articles.slice(0, context.policy.budgets[context.mode].listItems)) {
    const [lead] = leadingSentences(article, 1);
    if (lead)
      writer.quote(
        lead,
        writer.templates.fill('staff.partArticleLine', {
          article: article.number,
          title: article.title,
        }),
      );
  }
}

/** 主要目标: the goal headlines (up to the list budget), or one goal in full when the question picks one (那第二个目标呢). */
export function composeGoals(
  context: Pick<AnswerContext, 'document' | 'mode' | 'policy' | 'goalOrdinal'>,
  article: Article,
  writer: QuoteWriter,
): void {
  const goals = context.document.mainGoals.filter((goal) => goal.articleNumber === article.number);
  const picked = context.goalOrdinal ? goals[context.goalOrdinal - 1] : undefined;
  const sentencesAt = (start: number, end: number): Evidence[] =>
    splitSentences(article.text.slice(start, end)).map((sentence) => ({
      article,
      score: 0,
      position: 1,
      sentence: { text: sentence.text, start: start + sentence.start, end: start + sentence.end },
    }));
  if (picked) {
    writer.say('staff.goalLead', { ordinal: toChineseNumeral(context.goalOrdinal!) });
    for (const evidence of sentencesAt(picked.start, picked.end)) writer.quote(evidence);
    return;
  }
  writer.say('staff.goalsLead');
  for (const goal of goals.slice(0, context.policy.budgets[context.mode].listItems)) {
    const [headline] = sentencesAt(goal.start, goal.end);
    if (headline) writer.quote(headline);
  }
}
