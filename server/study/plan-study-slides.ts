import { fillTemplate } from '../../core/fill-template.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import {
  fitsBox,
  largestFittingSize,
  linesIn,
  type FitParagraph,
  type TextBox,
} from './slide-text-fit.ts';
import {
  answerLine,
  optionsLine,
  type StudyDocumentInfo,
  titleLines,
} from './study-office-text.ts';
import { studyTemplates } from './study-templates.ts';
import type { StudyPack } from './study-types.ts';

/**
 * What a paragraph is, so the renderer can style it: a verbatim quote with its 〔第N条〕 marker, a term or answer, or
 * plain text. One style per paragraph: pptxgenjs writes a second paragraph-properties element for every further run
 * of a paragraph, which the OOXML schema forbids and PowerPoint repairs.
 */
export type SlideParagraphRole = 'text' | 'quote' | 'term';

export interface SlideParagraph {
  text: string;
  role: SlideParagraphRole;
  /** A bulleted paragraph (a quote), with a hanging indent of BULLET_INDENT_EM. */
  bullet?: boolean;
}

/** The hanging indent of a bulleted paragraph, in ems of its font size. */
export const BULLET_INDENT_EM = 1.2;

export type SlideKind = 'title' | 'article' | 'key-terms' | 'discussion' | 'quiz' | 'answers';

/** One slide: its heading, its paragraphs and the font size at which they fit the body box. */
export interface PlannedSlide {
  kind: SlideKind;
  title: string;
  /** The heading's size: the largest at which it stays within its box. */
  titleSize: number;
  paragraphs: SlideParagraph[];
  fontSize: number;
}

/** 16:9 slide geometry in inches (pptxgenjs LAYOUT_WIDE); the planner fits text to these boxes. */
export const SLIDE_GEOMETRY = {
  width: 13.333,
  height: 7.5,
  heading: { x: 0.6, y: 0.3, w: 12.13, h: 0.95 },
  body: { x: 0.6, y: 1.45, w: 12.13, h: 5.3 },
  footer: { x: 0.6, y: 6.95, w: 12.13, h: 0.35 },
  coverTitle: { x: 0.9, y: 1.2, w: 11.53, h: 2.3 },
  coverLines: { x: 0.9, y: 3.7, w: 11.53, h: 2.6 },
} as const;

/** Body sizes tried, largest first; a section that fits none of them on one slide continues on the next. */
const BODY_SIZES = [24, 22, 20] as const;
/** For one block too long for a slide at its section's size (a very long sentence): smaller, but still whole. */
const ALL_SIZES = [...BODY_SIZES, 18, 16, 14, 12] as const;
const MIN_SIZE = 12;
const smallerThan = (size: number) => ALL_SIZES.filter((candidate) => candidate < size);
const HEADING_SIZES = [28, 26, 24, 20] as const;
const COVER_TITLE_SIZES = [36, 32, 28, 24, 20] as const;
const COVER_LINE_SIZES = [24, 22, 20, 18, 16] as const;

const points = (inches: number) => inches * 72;
const boxOf = (box: { w: number; h: number }): TextBox => ({
  widthPt: points(box.w),
  heightPt: points(box.h),
});
export const BODY_BOX = boxOf(SLIDE_GEOMETRY.body);
export const HEADING_BOX = boxOf(SLIDE_GEOMETRY.heading);
const COVER_TITLE_BOX = boxOf(SLIDE_GEOMETRY.coverTitle);
const COVER_LINES_BOX = boxOf(SLIDE_GEOMETRY.coverLines);

/** Paragraphs that stay on one slide together: a quote, a quiz question with its options, an answer with its source. */
type Block = SlideParagraph[];

const fitView = (paragraphs: SlideParagraph[]): FitParagraph[] =>
  paragraphs.map((paragraph) => ({
    text: paragraph.text,
    indentEm: paragraph.bullet ? BULLET_INDENT_EM : 0,
  }));

const paragraph = (
  text: string,
  role: SlideParagraphRole = 'text',
  bullet = false,
): SlideParagraph => ({ text, role, bullet });

/**
 * The pack as slides: a title slide, one slide per article with its quoted key points, key terms, discussion, quiz,
 * and the answer key on slides of its own at the end. Text is never left to run off a slide: a section that does not
 * fit one slide at a legible size continues on a “（续）” slide, splitting only between whole blocks.
 */
export function planStudySlides(
  pack: StudyPack,
  info: StudyDocumentInfo,
  templates: AnswerTemplates,
): PlannedSlide[] {
  const labels = studyTemplates().markdown;
  const quoted = (quote: string, article: number, prefix = '', bullet = prefix === '') =>
    paragraph(`${prefix}“${quote}”${templates.marker.format(article)}`, 'quote', bullet);
  const cover = titleLines(pack, info, templates).map((line) => paragraph(line));
  const slides: PlannedSlide[] = [
    {
      kind: 'title',
      title: pack.title,
      titleSize:
        largestFittingSize([{ text: pack.title }], COVER_TITLE_SIZES, COVER_TITLE_BOX) ?? 18,
      paragraphs: cover,
      fontSize: coverLineSize(fitView(cover)),
    },
  ];
  for (const item of pack.outline)
    slides.push(
      ...paginate(
        'article',
        `${templates.articleLabel(item.article)} ${item.title}`,
        item.points.map((point) => [quoted(point.quote, point.citation.article)]),
      ),
    );
  slides.push(
    ...paginate(
      'key-terms',
      labels.keyTerms ?? '',
      pack.keyTerms.map((term) => [quoted(term.quote, term.article, `${term.term}：`, true)]),
    ),
    ...paginate(
      'discussion',
      labels.discussion ?? '',
      pack.discussion.map((question, index) => [paragraph(`${index + 1}. ${question.question}`)]),
    ),
    ...paginate(
      'quiz',
      labels.quiz ?? '',
      pack.quiz.map((item, index) => [
        paragraph(`${index + 1}. ${item.prompt}`),
        ...(item.options ? [paragraph(optionsLine(item.options))] : []),
      ]),
    ),
    ...paginate(
      'answers',
      labels.answers ?? '',
      pack.quiz.map((item, index) => [
        paragraph(`${index + 1}. ${answerLine(item)}`, 'term'),
        quoted(item.quote, item.article, `${labels.source ?? ''}：`),
      ]),
    ),
  );
  return slides;
}

/** Cover lines: the largest size at which each stays on one line and all fit, else the largest at which they fit. */
function coverLineSize(lines: FitParagraph[]): number {
  const fitting = COVER_LINE_SIZES.filter((size) => fitsBox(lines, size, COVER_LINES_BOX));
  return (
    fitting.find((size) => lines.every((line) => linesIn(line, size, COVER_LINES_BOX) === 1)) ??
    fitting[0] ??
    COVER_LINE_SIZES.at(-1)!
  );
}

/**
 * Whole blocks onto as few slides as they need at the smallest body size, set at the largest size that needs no more
 * slides than that, so continuation slides share one size; a block too long for a slide alone gets a smaller size.
 */
function paginate(kind: SlideKind, title: string, blocks: Block[]): PlannedSlide[] {
  if (blocks.length === 0) return [];
  const fewest = pagesAt(blocks, BODY_SIZES.at(-1)!).length;
  const size = BODY_SIZES.find((candidate) => pagesAt(blocks, candidate).length === fewest)!;
  const continued = studyTemplates().office.continued;
  return pagesAt(blocks, size).map((blocksOnPage, index) => {
    const paragraphs = blocksOnPage.flat();
    const heading =
      index === 0 ? title : fillTemplate(continued, { title }, { name: 'office.continued' });
    const fits = largestFittingSize(fitView(paragraphs), [size], BODY_BOX) !== null;
    return {
      kind,
      title: heading,
      titleSize: largestFittingSize([{ text: heading }], HEADING_SIZES, HEADING_BOX) ?? 18,
      paragraphs,
      fontSize: fits
        ? size
        : (largestFittingSize(fitView(paragraphs), smallerThan(size), BODY_BOX) ?? MIN_SIZE),
    };
  });
}

/** Greedy: each block joins the current slide while the slide still fits at `size`. */
function pagesAt(blocks: Block[], size: number): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  for (const block of blocks) {
    const candidate = [...page, block];
    if (
      page.length > 0 &&
      largestFittingSize(fitView(candidate.flat()), [size], BODY_BOX) === null
    ) {
      pages.push(page);
      page = [block];
    } else {
      page = candidate;
    }
  }
  pages.push(page);
  return pages;
}
