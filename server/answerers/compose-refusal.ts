import type { Citation } from '../../core/wire/chat-wire.ts';
import { citationMarker, fill } from '../chat/answer-templates.ts';
import type { AnswerContext, DraftAnswer } from './answerer.ts';
import { citationOf } from './citation-of.ts';
import { articleByNumber, bestSentences } from './select-evidence.ts';

/**
 * A plain statement that the proposal does not cover the question, with the closest articles. For a question about
 * a figure the document does not give, it also quotes what the document does say, so nothing is invented.
 */
export function composeRefusal(context: AnswerContext): DraftAnswer {
  const { decision, document } = context;
  if (decision.kind === 'answer') throw new Error('composeRefusal called for an answerable question');
  const lines: string[] = [];
  const citations: Citation[] = [];
  const related = decision.related.flatMap((hit) => (hit.article === null ? [] : [{ article: hit.article, title: hit.title }]));

  if (decision.kind === 'missing-structure') {
    const last = document.articles.at(-1)?.number ?? 0;
    for (const article of decision.articles) lines.push(fill('refusal.missingArticle', { last, article }));
    for (const part of decision.parts) lines.push(fill('refusal.missingPart', { count: document.parts.length, part }));
  } else if (decision.kind === 'no-figure') {
    lines.push(fill('refusal.noFigure'));
    const article = decision.related[0]?.article ? articleByNumber(document, decision.related[0].article) : undefined;
    for (const evidence of article ? bestSentences(article, context.evidenceQuery, 1) : []) {
      lines.push(`${fill('quote', { quote: evidence.sentence.text })}${citationMarker(article!.number)}`);
      citations.push(citationOf(document, article!, evidence.sentence.text));
    }
  } else {
    lines.push(fill('refusal.notCoveredGeneric'));
  }
  // The closest articles travel in `related` (the page shows them as links); the text does not repeat them.
  return { answer: lines.join('\n'), answered: false, citations, related };
}
