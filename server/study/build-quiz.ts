import type { Article } from '../../core/document-model.ts';
import { fillTemplate } from '../../core/fill-template.ts';
import { loadPlanTermGroups } from '../../ingest/plan-terms.ts';
import type { QuizItem } from './study-types.ts';
import { studyTemplates } from './study-templates.ts';
import { stableHash, stableShuffle } from './stable-hash.ts';
import type { TermUse } from './term-occurrences.ts';

const OPTIONS = 4;

/**
 * A quiz from the document's own sentences: the blank falls on a plan term; multiple-choice distractors are terms
 * of the same group (能源, 生态环境, …) that the cited article never uses. Deterministic: the same uses, the same quiz.
 */
export function buildQuiz(uses: TermUse[], allArticles: Article[], count: number): QuizItem[] {
  const templates = studyTemplates();
  const candidates = roundRobinByArticle(
    stableShuffle(
      uses.filter((use) => use.term.length >= 2),
      (use) => `${use.article.number}|${use.term}|${use.sentence}`,
    ),
  );
  const items: QuizItem[] = [];
  const usedSentences = new Set<string>();
  for (const use of candidates) {
    if (items.length >= count) break;
    if (usedSentences.has(use.sentence)) continue;
    const wantChoice = items.length % 2 === 1;
    const distractors = wantChoice ? distractorsFor(use, allArticles) : [];
    const blanked = use.sentence.replace(use.term, templates.quiz.blank);
    const id = `q${items.length + 1}`;
    if (wantChoice && distractors.length === OPTIONS - 1) {
      const options = stableShuffle(
        [use.term, ...distractors],
        (option) => `${use.sentence}|${option}`,
      );
      items.push({
        id,
        type: 'multiple-choice',
        prompt: fillTemplate(
          templates.quiz.choicePrompt,
          { article: use.article.number, sentence: blanked },
          { name: 'study quiz.choicePrompt' },
        ),
        options,
        answer: use.term,
        article: use.article.number,
        quote: use.sentence,
      });
    } else {
      items.push({
        id,
        type: 'fill-blank',
        prompt: fillTemplate(
          templates.quiz.fillPrompt,
          { article: use.article.number, sentence: blanked },
          { name: 'study quiz.fillPrompt' },
        ),
        answer: use.term,
        article: use.article.number,
        quote: use.sentence,
      });
    }
    usedSentences.add(use.sentence);
  }
  return items;
}

/** Terms of the answer's group that appear nowhere in the cited article: plausible, and wrong. */
function distractorsFor(use: TermUse, allArticles: Article[]): string[] {
  const group = loadPlanTermGroups().find((candidate) => candidate.group === use.group);
  const inOtherArticles = (term: string) =>
    allArticles.some(
      (article) => article.number !== use.article.number && article.text.includes(term),
    );
  const pool = (group?.terms ?? []).filter(
    (term) =>
      term !== use.term &&
      !use.article.text.includes(term) &&
      !term.includes(use.term) &&
      !use.term.includes(term) &&
      inOtherArticles(term),
  );
  return [...pool]
    .sort((left, right) => stableHash(`${use.term}|${left}`) - stableHash(`${use.term}|${right}`))
    .slice(0, OPTIONS - 1);
}

/** Takes one candidate per article in turn, so a quiz covers the whole selection rather than its first article. */
function roundRobinByArticle(uses: TermUse[]): TermUse[] {
  const byArticle = new Map<number, TermUse[]>();
  for (const use of uses)
    byArticle.set(use.article.number, [...(byArticle.get(use.article.number) ?? []), use]);
  const queues = [...byArticle.entries()]
    .sort((left, right) => left[0] - right[0])
    .map(([, queue]) => queue);
  const ordered: TermUse[] = [];
  for (let round = 0; queues.some((queue) => queue.length > round); round += 1) {
    for (const queue of queues) if (queue[round]) ordered.push(queue[round]!);
  }
  return ordered;
}
