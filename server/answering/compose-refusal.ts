import { articleByNumber } from '../../core/plan-lookup.ts';
import { segmentUnits } from '../../ingest/tokenizer.ts';
import { relatesBeyondOneWord } from '../retrieval/subject-support.ts';
import type { NothingLeft } from '../query/question-analysis.ts';
import type { AnswerContext, DraftAnswer } from './answer-types.ts';
import { QuoteWriter } from './quote-writer.ts';
import { bestSentences } from './select-evidence.ts';

/**
 * A plain statement that the proposal does not cover the question, with the closest articles; or, for a follow-up
 * that moves on and finds nothing left (下一条 after the last article, 还有吗), that everything was said. For a question about
 * a figure the document does not give, it also quotes what the document does say, so nothing is invented.
 */
export function composeRefusal(context: AnswerContext): DraftAnswer {
  const { decision, document } = context;
  if (decision.kind === 'answer')
    throw new Error('composeRefusal called for an answerable question');
  const writer = new QuoteWriter(document, context.policy.templates);
  const related = decision.related.flatMap((hit) =>
    hit.article === null ? [] : [{ article: hit.article, title: hit.title }],
  );

  if (decision.kind === 'missing-structure') {
    const last = document.articles.at(-1)?.number ?? 0;
    for (const article of decision.articles)
      writer.say('refusal.missingArticle', { last, article });
    for (const part of decision.parts)
      writer.say('refusal.missingPart', { count: document.parts.length, part });
  } else if (decision.kind === 'out-of-plan') {
    const { reason } = decision;
    writer.say(
      `refusal.outOfPlan.${reason.kind}`,
      reason.kind === 'other-place'
        ? { place: reason.place }
        : reason.kind === 'comparison'
          ? { word: reason.word }
          : {},
    );
    offerRelated(
      context,
      decision.answersNearby ? decision.related[0]?.article : undefined,
      writer,
    );
  } else if (decision.kind === 'nothing-left') {
    sayNothingLeft(decision.left, writer);
  } else if (decision.kind === 'no-figure') {
    writer.say('refusal.noFigure');
    offerRelated(context, decision.related[0]?.article, writer);
  } else {
    writer.say('refusal.notCoveredGeneric');
  }
  // The closest articles travel in `related` (the page shows them as links); the text does not repeat them.
  return { answer: writer.lines.join('\n'), answered: false, citations: writer.citations, related };
}

/**
 * One sentence of the closest article, offered as related reading under relatedLead, when it shares with the question
 * more than one generic word (市委 for 现任市委书记是谁, 发展 for 每家发多少补贴 are not enough).
 */
function offerRelated(
  context: AnswerContext,
  first: number | null | undefined,
  writer: QuoteWriter,
): void {
  const article = first ? articleByNumber(context.document, first) : undefined;
  const { questionWords } = context;
  const offered = (article ? bestSentences(article, context.evidenceQuery, 1) : []).filter(
    (evidence) =>
      !questionWords ||
      relatesBeyondOneWord(
        segmentUnits(evidence.sentence.text),
        questionWords,
        context.policy.answerability.subjectSpecificIdf,
      ),
  );
  if (offered.length > 0) writer.say('refusal.relatedLead');
  for (const evidence of offered) writer.quote(evidence);
}

/** 下一条 after 第36条, 具体怎么做 after every sentence was quoted, 还有吗 with no other article: said from the templates. */
function sayNothingLeft(left: NothingLeft, writer: QuoteWriter): void {
  if (left.kind === 'no-next') writer.say('followUp.noNext', { article: left.article });
  else if (left.kind === 'no-previous')
    writer.say('followUp.noPrevious', { article: left.article });
  else if (left.kind === 'all-quoted')
    writer.say('followUp.allQuoted', {
      articles: left.articles.map((article) => writer.templates.articleLabel(article)).join('、'),
    });
  else writer.say('followUp.noMore');
}
