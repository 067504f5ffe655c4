import pptxgen from 'pptxgenjs';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { officeSettings } from '../office/office-settings.ts';
import {
  BULLET_INDENT_EM,
  planStudySlides,
  SLIDE_GEOMETRY as GEOMETRY,
  type PlannedSlide,
  type SlideParagraphRole,
} from './plan-study-slides.ts';
import { LINE_HEIGHT, PARAGRAPH_GAP } from './slide-text-fit.ts';
import type { StudyDocumentInfo } from './study-office-text.ts';
import type { StudyPack } from './study-types.ts';

// The package's types describe CommonJS (the class under .default) while Node loads its ES build (the class itself).
type Slide = pptxgen.default.Slide;
type TextProps = pptxgen.default.TextProps;
const PptxGenJS: typeof pptxgen.default =
  (pptxgen as unknown as { default?: typeof pptxgen.default }).default ??
  (pptxgen as unknown as typeof pptxgen.default);

const COLORS = {
  accent: '9B1C1C',
  text: '222222',
  muted: '6B6B6B',
} as const;

const ROLE_STYLE: Record<SlideParagraphRole, TextProps['options']> = {
  text: { color: COLORS.text },
  quote: { color: COLORS.text },
  term: { color: COLORS.accent, bold: true },
};

/** The pack as a 16:9 PowerPoint deck (see planStudySlides for what is on which slide), as the file's bytes. */
export async function renderStudyPptx(
  pack: StudyPack,
  info: StudyDocumentInfo,
  templates: AnswerTemplates,
): Promise<Buffer> {
  const slides = planStudySlides(pack, info, templates);
  const settings = officeSettings();
  const fonts = settings.fonts;
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = pack.title;
  deck.subject = info.title;
  deck.author = settings.author;
  deck.company = settings.author;
  deck.theme = { headFontFace: fonts.pptx.heading, bodyFontFace: fonts.pptx.body };
  // No margin set: PowerPoint's default insets (0.05" × 0.1") are what slide-text-fit.ts assumes.
  const common = { lang: settings.language, fit: 'none' } as const;
  for (const planned of slides) {
    const slide = deck.addSlide();
    if (planned.kind === 'title') addCover(slide, planned, fonts.pptx, common);
    else addContent(slide, planned, pack.title, fonts.pptx, common);
  }
  return (await deck.write({ outputType: 'nodebuffer' })) as Buffer;
}

type Fonts = { heading: string; body: string };
type Common = { lang: string; fit: 'none' };

function addCover(slide: Slide, planned: PlannedSlide, fonts: Fonts, common: Common): void {
  band(slide, { x: 0, y: 0, w: GEOMETRY.width, h: 0.28 });
  slide.addText(planned.title, {
    ...GEOMETRY.coverTitle,
    ...common,
    fontFace: fonts.heading,
    fontSize: planned.titleSize,
    color: COLORS.accent,
    align: 'center',
    valign: 'bottom',
    lineSpacing: Math.round(planned.titleSize * LINE_HEIGHT),
  });
  slide.addText(
    planned.paragraphs.map((paragraph) => ({ text: paragraph.text, options: { breakLine: true } })),
    {
      ...GEOMETRY.coverLines,
      ...common,
      fontFace: fonts.body,
      fontSize: planned.fontSize,
      color: COLORS.muted,
      align: 'center',
      valign: 'top',
      lineSpacing: Math.round(planned.fontSize * LINE_HEIGHT),
      paraSpaceAfter: Math.round(planned.fontSize * PARAGRAPH_GAP),
    },
  );
}

function addContent(
  slide: Slide,
  planned: PlannedSlide,
  footer: string,
  fonts: Fonts,
  common: Common,
): void {
  slide.addText(planned.title, {
    ...GEOMETRY.heading,
    ...common,
    fontFace: fonts.heading,
    fontSize: planned.titleSize,
    color: COLORS.accent,
    valign: 'bottom',
    lineSpacing: Math.round(planned.titleSize * LINE_HEIGHT),
  });
  band(slide, {
    x: GEOMETRY.heading.x,
    y: GEOMETRY.heading.y + GEOMETRY.heading.h + 0.04,
    w: GEOMETRY.heading.w,
    h: 0.025,
  });
  const size = planned.fontSize;
  const paragraphs: TextProps[] = planned.paragraphs.map((paragraph) => ({
    text: paragraph.text,
    options: {
      ...ROLE_STYLE[paragraph.role],
      bullet: paragraph.bullet ? { indent: Math.round(size * BULLET_INDENT_EM) } : false,
      paraSpaceAfter: Math.round(size * PARAGRAPH_GAP),
      lineSpacing: Math.round(size * LINE_HEIGHT),
      breakLine: true,
    },
  }));
  slide.addText(paragraphs, {
    ...GEOMETRY.body,
    ...common,
    fontFace: fonts.body,
    fontSize: size,
    color: COLORS.text,
    valign: 'top',
    lineSpacing: Math.round(size * LINE_HEIGHT),
  });
  slide.addText(footer, {
    ...GEOMETRY.footer,
    ...common,
    w: GEOMETRY.footer.w - 1,
    fontFace: fonts.body,
    fontSize: 10,
    color: COLORS.muted,
    valign: 'middle',
  });
  slide.slideNumber = {
    x: GEOMETRY.footer.x + GEOMETRY.footer.w - 1,
    y: GEOMETRY.footer.y,
    w: 1,
    h: GEOMETRY.footer.h,
    fontFace: fonts.body,
    fontSize: 10,
    color: COLORS.muted,
    align: 'right',
  };
}

/**
 * A filled bar (the cover's top band, the rule under a heading). Drawn as a text box holding one space: pptxgenjs
 * writes text-less shapes without the txBody PowerPoint expects, and PowerPoint then offers to repair the file.
 */
function band(slide: Slide, box: { x: number; y: number; w: number; h: number }): void {
  slide.addText(' ', {
    ...box,
    fill: { color: COLORS.accent },
    fontSize: 1,
    margin: 0,
    fit: 'none',
  });
}
