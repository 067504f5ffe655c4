import { fillTemplate } from '../../core/fill-template.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { studyTemplates } from './study-templates.ts';
import type { QuizItem, StudyPack } from './study-types.ts';

/** The document's own title and adoption note, which the Word and PowerPoint exports show under the pack's title. */
export type StudyDocumentInfo = Pick<PlanDocument, 'title' | 'adoptionNote'>;

const OPTION_LETTERS = 'ABCDEFGH';

/** Under the pack's title: 《the plan's full title》, （its adoption note, with the date）, and the articles covered. */
export function titleLines(
  pack: StudyPack,
  info: StudyDocumentInfo,
  templates: AnswerTemplates,
): string[] {
  const office = studyTemplates().office;
  return [
    fillTemplate(office.planTitle, { planTitle: info.title }, { name: 'office.planTitle' }),
    fillTemplate(office.adoption, { adoptionNote: info.adoptionNote }, { name: 'office.adoption' }),
    fillTemplate(
      office.articles,
      { articleLabels: pack.selection.articles.map(templates.articleLabel).join('、') },
      { name: 'office.articles' },
    ),
  ];
}

/** A. 绿色低碳 */
export function optionLine(option: string, position: number): string {
  return `${OPTION_LETTERS.charAt(position)}. ${option}`;
}

/** A multiple-choice item's options on one line, as quiz slides set them, two ideographic spaces apart. */
export function optionsLine(options: string[]): string {
  return options.map(optionLine).join('\u3000\u3000');
}

/** The key's line for a quiz item: the letter and the term for multiple choice, the term for a blank. */
export function answerLine(item: QuizItem): string {
  const position = item.options?.indexOf(item.answer) ?? -1;
  return position >= 0 ? optionLine(item.answer, position) : item.answer;
}
