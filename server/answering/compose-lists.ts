import type { Article, LabelledParagraph } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { partOf } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { AnswerContext } from './answer-types.ts';
import type { QuoteWriter } from './quote-writer.ts';
import { leadingSentences, scoreSentences, type Evidence } from './select-evidence.ts';

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

/**
 * 主要目标: the goal headlines (up to the list budget); one goal in full when the question picks one (那第二个目标呢); the
 * goal its subject is about, with the goal's sentences that speak of it, when the question names a subject
 * (生态环境方面的主要目标是什么 → ——生态环境质量明显改善 and its sentences on the subject).
 */
export function composeGoals(
  context: Pick<AnswerContext, 'document' | 'mode' | 'policy' | 'goalOrdinal'> &
    Partial<Pick<AnswerContext, 'evidenceQuery'>>,
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
  const topical = topicalGoal(context, article, goals);
  if (topical) {
    writer.say('staff.goalTopicLead');
    const [headline, ...rest] = sentencesAt(topical.goal.start, topical.goal.end);
    if (headline) writer.quote(headline);
    const said = new Set(topical.sentences.map((evidence) => evidence.sentence.text));
    for (const evidence of rest.filter((item) => said.has(item.sentence.text)))
      writer.quote(evidence);
    return;
  }
  writer.say('staff.goalsLead');
  for (const goal of goals.slice(0, context.policy.budgets[context.mode].listItems)) {
    const [headline] = sentencesAt(goal.start, goal.end);
    if (headline) writer.quote(headline);
  }
}

/**
 * The goal a question's subject is about: the one holding the best sentence for the question's words other than those
 * goals are asked with (主要目标, 今后五年, 规划: documentQuestions.goalsFraming), with its sentences that match them (at most the audience's quote budget, best first).
 * None when the question names no subject, or no goal speaks of it. Pure.
 */
function topicalGoal(
  context: Pick<AnswerContext, 'mode' | 'policy'> & Partial<Pick<AnswerContext, 'evidenceQuery'>>,
  article: Article,
  goals: readonly LabelledParagraph[],
): { goal: LabelledParagraph; sentences: Evidence[] } | undefined {
  const query = context.evidenceQuery;
  if (!query) return undefined;
  // The words a goals question is asked with (目标, 今后五年, 乌海, 规划 …), and a session's framing (给青年干部讲,
  // 学习), name no subject.
  const framing = [
    ...context.policy.documentQuestions.goalsFraming,
    ...context.policy.framing.framingWords,
  ];
  // The asker's own words only: a stand-in the term maps bring for a framing word (青年干部 → 教育培训) names nothing.
  const terms = query.terms.filter(
    (term) => term.weight === 1 && !framing.some((word) => word.includes(term.token)),
  );
  if (terms.length === 0) return undefined;
  const scored = scoreSentences(article, { ...query, terms }).filter(
    (evidence) => evidence.score > 0,
  );
  const goalOf = (evidence: Evidence) =>
    goals.find(
      (goal) => evidence.sentence.start >= goal.start && evidence.sentence.start < goal.end,
    );
  const best = scored
    .filter((evidence) => goalOf(evidence) !== undefined)
    .sort((left, right) => right.score - left.score);
  const goal = best[0] && goalOf(best[0]);
  if (!goal) return undefined;
  const sentences = best
    .filter((evidence) => goalOf(evidence) === goal)
    .slice(0, context.policy.budgets[context.mode].first);
  return { goal, sentences };
}
