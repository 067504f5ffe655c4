import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import {
  DETAIL_STYLE,
  docxNumbering,
  docxStyles,
  NUMBERED_LIST,
  pageNumberFooter,
  QUOTE_STYLE,
  SUBTITLE_STYLE,
} from '../office/docx-styles.ts';
import { officeSettings } from '../office/office-settings.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { answerLine, optionLine, titleLines, type StudyDocumentInfo } from './study-office-text.ts';
import { studyTemplates } from './study-templates.ts';
import type { StudyPack } from './study-types.ts';

/** Each numbered list restarts at 1: discussion, quiz and answer key have their own instance of the list. */
const LIST_INSTANCE = { discussion: 1, quiz: 2, answers: 3 } as const;

/**
 * The pack as a Word 学习辅导材料: title and source, then Heading 1 sections (学习提纲 with a Heading 2 per article,
 * 重点词语, 讨论题, 测验) whose quotes are set apart in the Quote style and cited 〔第N条〕, and the answer key
 * starting on a new page. Returns the file's bytes.
 */
export async function renderStudyDocx(
  pack: StudyPack,
  info: StudyDocumentInfo,
  templates: AnswerTemplates,
): Promise<Buffer> {
  const labels = studyTemplates().markdown;
  const settings = officeSettings();
  const quote = (text: string, article: number, prefix = '') =>
    new Paragraph({
      style: QUOTE_STYLE,
      children: [new TextRun(`${prefix}“${text}”${templates.marker.format(article)}`)],
    });
  const heading1 = (text: string, pageBreakBefore = false) =>
    new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore });
  const numbered = (text: string, instance: number, keepNext: boolean, bold = false) =>
    new Paragraph({
      children: [new TextRun({ text, bold })],
      numbering: { reference: NUMBERED_LIST, level: 0, instance },
      keepNext,
      keepLines: true,
    });

  const children: Paragraph[] = [
    new Paragraph({ text: pack.title, heading: HeadingLevel.TITLE }),
    ...titleLines(pack, info, templates).map(
      (line) => new Paragraph({ text: line, style: SUBTITLE_STYLE }),
    ),
    heading1(labels.outline ?? ''),
  ];
  for (const item of pack.outline) {
    children.push(
      new Paragraph({
        text: `${templates.articleLabel(item.article)} ${item.title}`,
        heading: HeadingLevel.HEADING_2,
      }),
      ...item.points.map((point) => quote(point.quote, point.citation.article)),
    );
  }
  if (pack.keyTerms.length > 0) {
    children.push(heading1(labels.keyTerms ?? ''));
    for (const term of pack.keyTerms)
      children.push(
        new Paragraph({ children: [new TextRun({ text: term.term, bold: true })], keepNext: true }),
        quote(term.quote, term.article),
      );
  }
  if (pack.discussion.length > 0) {
    children.push(heading1(labels.discussion ?? ''));
    for (const question of pack.discussion)
      children.push(numbered(question.question, LIST_INSTANCE.discussion, false));
  }
  if (pack.quiz.length > 0) {
    children.push(heading1(labels.quiz ?? ''));
    for (const item of pack.quiz) {
      const options = item.options ?? [];
      children.push(
        numbered(item.prompt, LIST_INSTANCE.quiz, options.length > 0),
        ...options.map(
          (option, position) =>
            new Paragraph({
              text: optionLine(option, position),
              style: DETAIL_STYLE,
              keepNext: position < options.length - 1,
            }),
        ),
      );
    }
    // The key starts on a page of its own, so the quiz can be printed and handed out without it.
    children.push(heading1(labels.answers ?? '', true));
    for (const item of pack.quiz)
      children.push(
        numbered(answerLine(item), LIST_INSTANCE.answers, true, true),
        quote(item.quote, item.article, `${labels.source ?? ''}：`),
      );
  }

  const document = new Document({
    creator: settings.author,
    title: pack.title,
    subject: info.title,
    styles: docxStyles(settings),
    numbering: docxNumbering(),
    sections: [{ footers: { default: pageNumberFooter() }, children }],
  });
  return Packer.toBuffer(document);
}
