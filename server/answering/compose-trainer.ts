import type { Article } from '../../core/document-model.ts';
import { parseNumeral, toChineseNumeral } from '../../core/numerals.ts';
import type { AnswerContext } from './answer-types.ts';
import { evidenceFor } from './compose-articles.ts';
import type { QuoteWriter } from './quote-writer.ts';
import { titleSentence } from './select-evidence.ts';

/** The most points an outline gives one article when the trainer names a number (概括三点). */
const MAX_REQUESTED_POINTS = 10;

/**
 * Study points per article, then discussion questions: for trainers preparing a session. The outline follows the
 * document: the articles of a part or named by number in their order, each article's points in the order it makes
 * them; as many points as the trainer asks for (概括三点), else the budget's.
 */
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
    requestedPoints(context) ??
    (articles.length > budget.manyArticles
      ? budget.perArticleWhenMany
      : articles.length === 1
        ? budget.single
        : budget.first);
  const ordered = structural
    ? [...articles].sort((left, right) => left.number - right.number)
    : articles;
  ordered.forEach((article, index) => {
    // The heading quotes the article's title as its own cited line, so the outline's skeleton is the document's words
    // (named plainly when the conversation already quoted it: 具体怎么做 quotes only what is new).
    const title = titleSentence(article, context.evidenceQuery.exclude);
    const heading = { ordinal: toChineseNumeral(index + 1), article: article.number };
    if (title) writer.quote(title, writer.templates.fill('trainer.articleHeadingQuoted', heading));
    else writer.say('trainer.articleHeading', { ...heading, title: article.title });
    evidenceFor(context, article, structural, perArticle)
      .filter((evidence) => evidence.position !== title?.position)
      .sort((left, right) => left.position - right.position)
      .forEach((evidence, point) =>
        writer.quote(evidence, writer.templates.fill('trainer.point', { index: point + 1 })),
      );
  });
  writer.say('trainer.discussion');
  for (const article of ordered.slice(0, budget.discussionArticles))
    writer.say('trainer.discussionQuestion', { article: article.number, title: article.title });
}

/** The number of points the trainer asks for (概括三点 → 3), within 2 to MAX_REQUESTED_POINTS; none when not asked. */
function requestedPoints(context: AnswerContext): number | undefined {
  const match = context.policy.rules.pointsRequested.exec(context.question);
  const count = match ? parseNumeral(match[1]!) : null;
  // 一点 is "a little" (讲简单一点), not one point.
  return count !== null && count >= 2 ? Math.min(count, MAX_REQUESTED_POINTS) : undefined;
}
