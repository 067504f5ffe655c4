import {
  AlignmentType,
  BorderStyle,
  Footer,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import { officeSettings, type OfficeSettings } from './office-settings.ts';

/** The paragraph style of a quotation from the document: set apart by indent, a rule and 楷体. */
export const QUOTE_STYLE = 'Quote';
/** Centred lines under the title (the plan's title, its adoption note). */
export const SUBTITLE_STYLE = 'Subtitle';
/** An indented line under a numbered item (a quiz option, an answer's source). */
export const DETAIL_STYLE = 'StudyDetail';
/** A numbered list; each list restarts at 1 through its own `instance`. */
export const NUMBERED_LIST = 'numbered';

const ACCENT = '9B1C1C';
/** Sizes in half-points, as Word counts them: 小四 12 pt body, 三号 16 pt and 四号 14 pt headings, 二号 22 pt title. */
const SIZE = { body: 24, title: 44, heading1: 32, heading2: 28, footer: 18 } as const;

function fontsOf(pair: { eastAsia: string; latin: string }) {
  return { eastAsia: pair.eastAsia, ascii: pair.latin, hAnsi: pair.latin, cs: pair.latin };
}

/**
 * Styles for Word exports: 宋体 body, 黑体 headings, 楷体 quotes (data/office-export.json), each run tagged zh-CN, and
 * real Heading 1/2 styles with outline levels so Word's and WPS's navigation pane shows the outline.
 */
export function docxStyles(settings: OfficeSettings = officeSettings()): IStylesOptions {
  const { body, heading, quote } = settings.fonts.docx;
  const language = { value: settings.language, eastAsia: settings.language };
  const headingRun = { font: fontsOf(heading), color: ACCENT, bold: false };
  return {
    default: {
      document: {
        run: { font: fontsOf(body), size: SIZE.body, language },
        // lineRule spelled out: LibreOffice reads a bare w:line as exact, and a 22 pt title then overlaps itself.
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 80 } },
      },
      title: {
        run: { ...headingRun, size: SIZE.title },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } },
      },
      heading1: {
        run: { ...headingRun, size: SIZE.heading1 },
        paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 360, after: 160 } },
      },
      heading2: {
        run: { ...headingRun, size: SIZE.heading2, color: '222222' },
        paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 120 } },
      },
    },
    paragraphStyles: [
      {
        id: QUOTE_STYLE,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fontsOf(quote), color: '333333' },
        paragraph: {
          indent: { left: 480 },
          spacing: { before: 60, after: 120 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 8 } },
        },
      },
      {
        id: SUBTITLE_STYLE,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { color: '555555' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
      },
      {
        id: DETAIL_STYLE,
        name: 'Study Detail',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { left: 480 }, spacing: { after: 60 } },
      },
    ],
  };
}

/** One decimal list definition ("1."); paragraphs pass `instance` to start a list of their own. */
export function docxNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NUMBERED_LIST,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 480, hanging: 480 } } },
          },
        ],
      },
    ],
  };
}

/** A centred page number in the footer: — 3 — */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.footer })],
      }),
    ],
  });
}
