import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { PlanDocument } from '../../core/document-model.ts';
import { fillTemplate } from '../../core/fill-template.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type {
  ConversationExportRequest,
  ExportedAnswer,
} from '../../core/wire/conversation-export-wire.ts';
import {
  docxStyles,
  pageNumberFooter,
  QUOTE_STYLE,
  SUBTITLE_STYLE,
} from '../office/docx-styles.ts';
import { officeSettings } from '../office/office-settings.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import {
  conversationExportTemplates,
  type ConversationExportTemplates,
} from './conversation-export-templates.ts';

/** The provider the chat reports when a model failed and the offline answer was served instead. */
const OFFLINE_FALLBACK = 'offline-fallback';

/**
 * A conversation as a Word document: each question a Heading 1 (so the navigation pane lists the questions), the
 * answer's lines, notes on stopped, failed or unanswered questions, and every citation with its title and its quote
 * set apart and cited 〔第N条〕. Titles come from the document; quotes must have been checked before (see
 * conversationQuoteProblems). Returns the file's bytes.
 */
export async function renderConversationDocx(
  conversation: ConversationExportRequest,
  document: PlanDocument,
  templates: AnswerTemplates,
  exportedAt: string,
): Promise<Buffer> {
  const labels = conversationExportTemplates();
  const settings = officeSettings();
  const fill = (template: string, values: Record<string, string | number>) =>
    fillTemplate(template, values, { name: 'conversation-export' });
  const children: Paragraph[] = [
    new Paragraph({ text: labels.title, heading: HeadingLevel.TITLE }),
    ...[
      fill(labels.source, { planTitle: document.title }),
      fill(labels.mode, { mode: labels.modes[conversation.mode] ?? conversation.mode }),
      fill(labels.exportedAt, { time: exportedAt }),
    ].map((line) => new Paragraph({ text: line, style: SUBTITLE_STYLE })),
  ];
  let turn = 0;
  for (const message of conversation.messages) {
    if (message.role === 'user') {
      turn += 1;
      const question = message.content.replace(/\s+/g, ' ').trim();
      children.push(
        new Paragraph({
          text: fill(labels.question, { turn, question }),
          heading: HeadingLevel.HEADING_1,
        }),
      );
    } else {
      children.push(...answerParagraphs(message, document, templates, labels));
    }
  }
  const file = new Document({
    creator: settings.author,
    title: labels.title,
    subject: document.title,
    styles: docxStyles(settings),
    sections: [{ footers: { default: pageNumberFooter() }, children }],
  });
  return Packer.toBuffer(file);
}

function answerParagraphs(
  answer: ExportedAnswer,
  document: PlanDocument,
  templates: AnswerTemplates,
  labels: ConversationExportTemplates,
): Paragraph[] {
  const bold = (text: string, keepNext = true) =>
    new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext });
  const note = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, color: '555555' })] });
  const title = (article: number) => articleByNumber(document, article)?.title ?? '';
  const paragraphs = [
    bold(labels.answer),
    ...answer.content
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => new Paragraph({ text: line })),
  ];
  if (answer.status === 'stopped' || answer.status === 'streaming')
    paragraphs.push(note(labels.notes.stopped));
  if (answer.status === 'error') paragraphs.push(note(labels.notes.failed));
  if (answer.status !== 'error' && !answer.answered) paragraphs.push(note(labels.notes.refused));
  if (answer.provider === OFFLINE_FALLBACK) paragraphs.push(note(labels.notes.fallback));
  if (answer.citations.length > 0) {
    paragraphs.push(bold(labels.sources));
    for (const citation of answer.citations)
      paragraphs.push(
        bold(
          fillTemplate(
            labels.citation,
            {
              articleLabel: templates.articleLabel(citation.article),
              title: title(citation.article),
            },
            { name: 'conversation-export.citation' },
          ),
        ),
        new Paragraph({
          style: QUOTE_STYLE,
          text: `“${citation.quote}”${templates.marker.format(citation.article)}`,
        }),
      );
  }
  if (!answer.answered && answer.related.length > 0) {
    paragraphs.push(bold(labels.related));
    for (const related of answer.related)
      paragraphs.push(
        new Paragraph({
          text: fillTemplate(
            labels.citation,
            {
              articleLabel: templates.articleLabel(related.article),
              title: title(related.article),
            },
            { name: 'conversation-export.citation' },
          ),
        }),
      );
  }
  return paragraphs;
}
