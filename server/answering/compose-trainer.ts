import type { Article } from '../../core/document-model.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import type { AnswerContext } from './answer-types.ts';
import { evidenceFor } from './compose-articles.ts';
import type { QuoteWriter } from './quote-writer.ts';

/** Study points per article, then discussion questions: for trainers preparing a session. */
export function composeTrainer(
  context: AnswerContext,
  articles: Article[],
  structural: boolean,
  writer: QuoteWriter,
): void {
  const budget = context.policy.budgets.trainer;
  writer.say('trainer.heading');
  // One article named for a study session gets a fuller set of points than several articles each.
  const perArticle =
    articles.length > budget.manyArticles
      ? budget.perArticleWhenMany
      : articles.length === 1
        ? budget.single
        : budget.first;
  articles.forEach((article, index) => {
    writer.say('trainer.articleHeading', {
      ordinal: toChineseNumeral(index + 1),
      article: article.number,
      title: article.title,
    });
    evidenceFor(context, article, structural, perArticle).forEach((evidence, point) =>
      writer.quote(evidence, writer.templates.fill('trainer.point', { index: point + 1 })),
    );
  });
  writer.say('trainer.discussion');
  for (const article of articles.slice(0, budget.discussionArticles))
    writer.say('trainer.discussionQuestion', { article: article.number, title: article.title });
}
