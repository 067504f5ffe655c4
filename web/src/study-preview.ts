// Renders a study pack: outline with quoted points, key terms, discussion and
// a quiz whose answers stay hidden behind 显示答案. Every quote carries a
// 第N条 chip that opens the article panel with that sentence highlighted.
import { citeChip } from './answer-renderer';
import { button, el } from './dom';
import { partName, stripPartPrefix } from './outline-data';
import { S, articleLabel } from './strings';
import type { QuizItem, StudyDiscussion, StudyKeyTerm, StudyOutlineItem, StudyPack } from './types';

const OPTION_LETTERS = 'ABCDEFGH';

/** The preview's sections; `idPrefix` keeps answer ids unique across packs. */
export function renderStudyPack(pack: StudyPack, idPrefix: string): HTMLElement[] {
  const outline = list(pack.outline);
  const terms = list(pack.keyTerms);
  const discussion = list(pack.discussion);
  const quiz = list(pack.quiz);
  return [
    section(S.studyOutline, el('ol', { class: 'study-outline' }, outline.map(outlineItem))),
    terms.length > 0
      ? section(S.studyKeyTerms, el('dl', { class: 'study-terms' }, terms.flatMap(keyTerm)))
      : null,
    discussion.length > 0
      ? section(
          S.studyDiscussion,
          el('ol', { class: 'study-discussion' }, discussion.map(discussionItem)),
        )
      : null,
    section(
      S.studyQuiz(quiz.length),
      quiz.length > 0
        ? el(
            'ol',
            { class: 'quiz' },
            quiz.map((item, i) => quizItem(item, `${idPrefix}-answer-${i}`)),
          )
        : el('p', { class: 'view-intro', text: S.studyQuizEmpty }),
    ),
  ].filter((s): s is HTMLElement => s !== null);
}

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function section(title: string, body: HTMLElement): HTMLElement {
  return el('section', { class: 'study-section' }, [
    el('h3', { class: 'study-section__title', text: title }),
    body,
  ]);
}

function outlineItem(item: StudyOutlineItem): HTMLElement {
  return el('li', { class: 'study-outline__item', 'data-article-item': item.article }, [
    el('h4', { class: 'study-outline__title' }, [
      el('span', { class: 'study-outline__no', text: articleLabel(item.article) }),
      ' ',
      item.title,
    ]),
    el('p', {
      class: 'study-outline__part',
      text: `${partName(item.part)} ${stripPartPrefix(item.partTitle)}`,
    }),
    el(
      'ul',
      { class: 'study-points' },
      list(item.points).map((p) =>
        el('li', { class: 'study-point' }, [
          p.quote,
          ' ',
          citeChip(p.citation?.article ?? item.article, p.citation?.quote ?? p.quote),
        ]),
      ),
    ),
  ]);
}

function keyTerm(term: StudyKeyTerm): HTMLElement[] {
  return [
    el('dt', { class: 'study-terms__term', text: term.term }),
    el('dd', { class: 'study-terms__quote' }, [
      term.quote,
      ' ',
      citeChip(term.article, term.quote),
    ]),
  ];
}

function discussionItem(d: StudyDiscussion): HTMLElement {
  return el('li', { class: 'study-discussion__item' }, [
    d.question,
    ' ',
    ...list(d.articles).map((n) => citeChip(n)),
  ]);
}

function quizItem(item: QuizItem, answerId: string): HTMLElement {
  const options = list(item.options);
  const answerIndex = options.indexOf(item.answer);
  const answerText =
    answerIndex >= 0 ? `${OPTION_LETTERS.charAt(answerIndex)}. ${item.answer}` : item.answer;
  const answer = el('div', { class: 'quiz-item__answer', id: answerId, hidden: true }, [
    el('p', { class: 'quiz-item__solution' }, [S.answerLabel, el('strong', { text: answerText })]),
    el('p', { class: 'quiz-item__source' }, [
      S.answerSource,
      item.quote,
      ' ',
      citeChip(item.article, item.quote),
    ]),
  ]);
  const toggle = button(S.showAnswer, 'btn btn--small quiz-item__toggle', {
    'aria-expanded': 'false',
    'aria-controls': answerId,
  });
  toggle.addEventListener('click', () => {
    answer.hidden = !answer.hidden;
    toggle.setAttribute('aria-expanded', String(!answer.hidden));
    toggle.textContent = answer.hidden ? S.showAnswer : S.hideAnswer;
  });
  return el('li', { class: `quiz-item quiz-item--${item.type}`, 'data-quiz-id': item.id }, [
    el('p', { class: 'quiz-item__prompt', text: item.prompt }),
    options.length > 0
      ? el(
          'ol',
          { class: 'quiz-item__options', type: 'A' },
          options.map((o) => el('li', { text: o })),
        )
      : null,
    toggle,
    answer,
  ]);
}
